import type { AnswerValue } from '@backend/questionnaires/question.types';

/**
 * Question id → the short key its answers are stored under in `responses.answers` (« 0 », « 1 », … « 12 »), one map
 * per questionnaire version (questionnaire_versions.answer_keys). A question keeps its key in every version of its
 * questionnaire, so SQL reads one key whatever a row's version; a new question takes the next number. Stored against
 * 36-character question UUIDs, the answers were two thirds of a response's row (bench/README.md: 719 → ~330 bytes).
 * The database assigns the keys when a version is written (trigger in migration CompactResponses): one rule, one place.
 */
export type AnswerKeys = Record<string, string>;

/** Validated answers (by question id) as stored (by short key). A question without a key is a bug: it throws. */
export function toStoredAnswers(answers: Record<string, AnswerValue>, keys: AnswerKeys): Record<string, AnswerValue> {
  const stored: Record<string, AnswerValue> = {};
  for (const id in answers) {
    const key = keys[id];
    if (key === undefined) throw new Error(`Question ${id} has no answer key in this version`);
    stored[key] = answers[id];
  }
  return stored;
}

/** Stored answers (by short key) back by question id, for anyone reading raw responses. */
export function fromStoredAnswers(stored: Record<string, AnswerValue>, keys: AnswerKeys): Record<string, AnswerValue> {
  const ids = new Map(Object.entries(keys).map(([id, key]) => [key, id]));
  const answers: Record<string, AnswerValue> = {};
  for (const key in stored) answers[ids.get(key) ?? key] = stored[key];
  return answers;
}
