import type { Dimension } from '@backend/indicators/indicator-kind';

/** Question types of API.md. */
export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'yes_no', 'scale', 'number', 'short_text', 'long_text', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A string per language code (BCP 47 primary tag: fr, en, ar, es, pa, bn, ur, el, ta…). */
export type Translations = Record<string, string>;

export interface Choice {
  /** Stable across versions and languages: what answers store and indicators count. */
  code: string;
  label: Translations;
}

export interface ShowIf {
  questionId: string;
  /** Shown when the earlier answer is (or, for multiple choice, contains) one of these. */
  anyOf: (string | boolean | number)[];
}

/** A question as a version freezes it. Its id stays the same across versions while its meaning does. */
export interface Question {
  id: string;
  type: QuestionType;
  required: boolean;
  label: Translations;
  help?: Translations;
  choices?: Choice[];
  /** Bounds of scale and number questions (scale: 1–5, 0–10…). */
  min?: number | null;
  max?: number | null;
  /** Labels of a scale's ends (« Pas du tout satisfait » … « Très satisfait »). */
  minLabel?: Translations;
  maxLabel?: Translations;
  showIf?: ShowIf | null;
  /** « Je préfère ne pas répondre » is offered: `null` is then a valid answer. */
  allowPreferNot?: boolean;
  /** An ADS+ question: its answers break indicators down by this dimension. */
  dimension?: Dimension | null;
}

/** What a resident sends for one question (API.md). */
export type AnswerValue = string | string[] | boolean | number | null;

/** Languages written right to left. */
export const RTL_LANGUAGES = ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'dv'];
