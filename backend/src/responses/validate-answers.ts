import {
  type AnswerProblem as ContractAnswerProblem,
  type AnswerRules,
  type AnswerValue,
  validateAnswers as validate,
} from '@repere/contract';
import type { MessageKey } from './answer-messages';

// The answer rules (types, bounds, required, prefer-not, show-if) are the resident page's too: it runs the same
// functions before sending. Declared once in @repere/contract; this module only names them for the API.
export { isRealDate, LONG_TEXT_MAX, SHORT_TEXT_MAX } from '@repere/contract';

/**
 * One refused part of a response: the field it names and what to tell the resident (localized later). Besides the
 * answer problems of the contract, the body's own (`body`, `language`, `version`…: response-body.ts); an answer
 * problem the catalogs do not name fails the build here.
 */
export type AnswerProblem = ContractAnswerProblem<MessageKey>;

export interface ValidatedAnswers {
  /** questionId → value, only for questions shown and answered: what the response row stores. */
  answers: Record<string, AnswerValue>;
  /** At most one per question, in the questionnaire's order, then the entries that name no question of it. */
  problems: AnswerProblem[];
}

/** The contract's validateAnswers, its problems typed as the API's, to which the body's own are added. */
export const validateAnswers = (questions: readonly AnswerRules[], entries: readonly unknown[]): ValidatedAnswers =>
  validate(questions, entries);
