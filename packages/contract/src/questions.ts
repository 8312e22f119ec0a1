import type { Dimension } from './indicators';

/** A questionnaire is edited as a draft, answered once published, closed for good. */
export const QUESTIONNAIRE_STATUSES = ['draft', 'published', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

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

/** What a resident sends for one question (API.md); `null` is « prefer not to answer ». */
export type AnswerValue = string | string[] | boolean | number | null;

/** Languages written right to left. */
export const RTL_LANGUAGES = ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'dv'];

// A questionnaire's limits: the API refuses beyond them (validate-questions.ts), the builder warns before sending.
export const MAX_QUESTIONS = 200;
export const MAX_CHOICES = 100;
/** The longest label, help or title, in any language. */
export const MAX_TEXT_LENGTH = 2000;
/** A scale is a row of buttons on a phone: 0–100 is the widest that still makes sense. */
export const MAX_SCALE_POINTS = 101;
/** A questionnaire's language: a BCP 47 primary tag of 2 or 3 lower-case letters (fr, en, ar…). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
/** A choice's code: what answers store, so short and plain. */
export const CHOICE_CODE = /^[a-z0-9_-]{1,40}$/;
/** A questionnaire's slug in /q/{slug}: 3 to 80 lower-case letters, digits and inner hyphens. */
export const SLUG = /^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/;

/** The types whose answers are choice codes. */
export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
/** The types a show-if condition may wait on. */
export const CONDITION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'yes_no', 'scale', 'number'];
/** The types an ADS+ dimension may sit on: its categories are the answers. */
export const DIMENSION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'yes_no'];
