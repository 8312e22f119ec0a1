import { answerProblem, visibleQuestions as shownQuestions, type AnswerProblemKey, type AnswerValue } from '@repere/contract';
import type { PublicQuestion, PublicQuestionnaire, ResponseBody } from '@/resident/api/public-api';
import type { MessageKey } from '@/resident/lib/messages';

// The answer rules and show-if are the server's own functions (@repere/contract): the page checks each answer as
// it will be sent, so it never lets through what the API refuses, nor refuses what it accepts.
/**
 * What the page keeps per question while the resident answers. A number question holds the text typed so far
 * (turned into a number when sent); `null` is « prefer not to answer »; an absent key is not answered yet.
 */
export type DraftAnswers = Record<string, AnswerValue>;

export function isBlank(value: AnswerValue | undefined): value is undefined | '' | [] {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** A number question's draft as the number it will be sent as (NaN when it is not one). */
function asNumber(value: AnswerValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim().replace(',', '.'));
  return Number.NaN;
}

/** The value sent for a question, in the type API.md gives it. */
export function toSentValue(question: PublicQuestion, value: AnswerValue): AnswerValue {
  if (value === null) return null;
  if (question.type === 'number' || question.type === 'scale') return asNumber(value);
  if (typeof value === 'string' && (question.type === 'short_text' || question.type === 'long_text')) {
    return value.trim();
  }
  return value;
}

/** What is sent for a question with this draft: nothing (undefined) when it is not answered. */
function sentValue(question: PublicQuestion, value: AnswerValue | undefined): AnswerValue | undefined {
  if (value === undefined || (value !== null && isBlank(value))) return undefined;
  return toSentValue(question, value);
}

/**
 * The questions the resident sees with these answers, in order. A question whose condition names a hidden
 * question is hidden too, as the server decides.
 */
export function visibleQuestions(questions: PublicQuestion[], answers: DraftAnswers): PublicQuestion[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  return shownQuestions(questions, (id) => {
    const source = byId.get(id);
    return source && sentValue(source, answers[id]);
  });
}

export interface ValidationError {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** The page's words for the server's problems (the staff never see these: the resident does, before sending). */
const MESSAGES: Record<AnswerProblemKey, MessageKey> = {
  entry: 'errorRequired',
  required: 'errorRequired',
  unknown_question: 'errorChoice',
  duplicate_question: 'errorChoice',
  hidden: 'errorChoice',
  prefer_not: 'errorRequired',
  choice: 'errorChoice',
  choices: 'errorChoice',
  yes_no: 'errorChoice',
  scale: 'errorBetween',
  scale_any: 'errorInteger',
  number: 'errorNumber',
  number_min: 'errorMin',
  number_max: 'errorMax',
  number_range: 'errorBetween',
  text: 'errorTooLong',
  date: 'errorDate',
};

/** The server's rules for one shown answer (type, required, choices, bounds), checked before anything is sent. */
export function validateAnswer(question: PublicQuestion, value: AnswerValue | undefined): ValidationError | null {
  const sent = sentValue(question, value);
  const problem = answerProblem(question, sent);
  if (!problem) return null;
  // Typed text that is no number at all: « enter a number » says more than the bounds.
  if (typeof sent === 'number' && !Number.isFinite(sent)) return { key: 'errorNumber' };
  return problem.params ? { key: MESSAGES[problem.key], values: problem.params } : { key: MESSAGES[problem.key] };
}

/** The response API.md expects: answers to the visible questions only; hidden ones are dropped. */
export function buildResponse(questionnaire: PublicQuestionnaire, answers: DraftAnswers): ResponseBody {
  const sent: ResponseBody['answers'] = [];
  for (const question of visibleQuestions(questionnaire.questions, answers)) {
    const value = answers[question.id];
    if (value === undefined || (value !== null && isBlank(value))) continue;
    sent.push({ questionId: question.id, value: toSentValue(question, value) });
  }
  return { language: questionnaire.language, version: questionnaire.version, answers: sent };
}

/**
 * The questions « question N of M » counts: the visible ones, and the conditional ones that can still appear (their
 * source is still to come or not answered yet). A question shows up when its condition is met, but it was counted from
 * the start, so the total never grows mid-way (« 1 / 8 » then « 5 / 9 »); it only shrinks when an answer rules a
 * branch out, and N never jumps. (Progress without a total would hide how long the questionnaire is, which residents
 * ask before they start.) `currentId`: the question on screen; null before the first one.
 */
export function countedQuestions(questions: PublicQuestion[], answers: DraftAnswers, currentId: string | null): PublicQuestion[] {
  const shown = new Set(visibleQuestions(questions, answers).map((question) => question.id));
  const position = currentId ? questions.findIndex((question) => question.id === currentId) : -1;
  const counted = new Set<string>();
  const out: PublicQuestion[] = [];
  questions.forEach((question) => {
    let open = shown.has(question.id);
    if (!open && question.showIf) {
      const at = questions.findIndex((candidate) => candidate.id === question.showIf?.questionId);
      const source = questions[at];
      // Undecided: the source can still be shown, is not answered, and the resident has not gone past it.
      open = source !== undefined && counted.has(source.id) && sentValue(source, answers[source.id]) === undefined && at >= position;
    }
    if (!open) return;
    counted.add(question.id);
    out.push(question);
  });
  return out;
}
