import type { QuestionnaireContent } from '@/features/workspace/api/questionnaires-api';
import { pick } from '@/features/workspace/components/questionnaire/translations';

// The API names a missing string by its path (`questions.2.choices.1.label`, questionnaire-content.ts's texts()):
// exact for programs, meaningless to an evaluator. Here each path becomes the text a resident would read instead,
// in the default language, with the question it belongs to.

export type MissingPart = 'title' | 'description' | 'label' | 'help' | 'choice' | 'minLabel' | 'maxLabel';

export interface MissingItem {
  path: string;
  part: MissingPart;
  /** 1-based, as the builder numbers questions; null for the title and description. */
  question: number | null;
  /** 1-based, for a choice. */
  choice: number | null;
  /** The question's label in the default language (context for its help, choices and scale ends). */
  questionText: string;
  /** The string that lacks a translation, in the default language: what residents of that language get instead. */
  text: string;
}

export interface MissingLanguage {
  language: string;
  items: MissingItem[];
}

const QUESTION_PATH = /^questions\.(\d+)\.(label|help|minLabel|maxLabel|choices\.(\d+)\.label)$/;

export function describeMissing(content: QuestionnaireContent, path: string): MissingItem {
  const base = content.defaultLanguage;
  const match = QUESTION_PATH.exec(path);
  if (!match) {
    const part = path === 'description' ? 'description' : 'title';
    return { path, part, question: null, choice: null, questionText: '', text: pick(content[part], base, base) };
  }
  const n = Number(match[1]);
  const question = content.questions[n];
  const questionText = pick(question?.label, base, base);
  const field = match[2] ?? 'label';
  if (match[3] !== undefined) {
    const m = Number(match[3]);
    const choice = question?.choices?.[m];
    return {
      path,
      part: 'choice',
      question: n + 1,
      choice: m + 1,
      questionText,
      text: pick(choice?.label, base, base) || (choice?.code ?? ''),
    };
  }
  const part = field as 'label' | 'help' | 'minLabel' | 'maxLabel';
  return {
    path,
    part,
    question: n + 1,
    choice: null,
    questionText,
    text: part === 'label' ? questionText : pick(question?.[part], base, base),
  };
}

/** The languages with strings still to translate, each with what it lacks; complete languages are left out. */
export function missingByLanguage(content: QuestionnaireContent, missing: Record<string, string[]>): MissingLanguage[] {
  return content.languages
    .filter((language) => (missing[language] ?? []).length > 0)
    .map((language) => ({ language, items: (missing[language] ?? []).map((path) => describeMissing(content, path)) }));
}
