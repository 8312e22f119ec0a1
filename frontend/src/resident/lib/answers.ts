import type { AnswerValue, PublicQuestion, PublicQuestionnaire, ResponseBody } from '@/resident/api/public-api';
import type { MessageKey } from '@/resident/lib/messages';

/**
 * What the page keeps per question while the resident answers. A number question holds the text typed so far
 * (turned into a number when sent); `null` is « prefer not to answer »; an absent key is not answered yet.
 */
export type DraftAnswers = Record<string, AnswerValue>;

/** Longest texts the API accepts (the server refuses longer ones with a 400). */
export const TEXT_MAX_LENGTH: Record<'short_text' | 'long_text', number> = { short_text: 500, long_text: 5000 };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

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

function matchesShowIf(question: PublicQuestion, source: PublicQuestion, answer: AnswerValue | undefined): boolean {
  const anyOf = question.showIf?.anyOf ?? [];
  if (answer === undefined || answer === null || isBlank(answer)) return false;
  if (Array.isArray(answer)) return answer.some((code) => anyOf.includes(code));
  const compared = source.type === 'number' || source.type === 'scale' ? asNumber(answer) : answer;
  return anyOf.includes(compared);
}

/**
 * The questions the resident sees with these answers, in order. A question whose condition names a hidden
 * question is hidden too, as the server decides.
 */
export function visibleQuestions(questions: PublicQuestion[], answers: DraftAnswers): PublicQuestion[] {
  const shown = new Map<string, PublicQuestion>();
  for (const question of questions) {
    const condition = question.showIf;
    if (condition) {
      const source = shown.get(condition.questionId);
      if (!source || !matchesShowIf(question, source, answers[condition.questionId])) continue;
    }
    shown.set(question.id, question);
  }
  return [...shown.values()];
}

export interface ValidationError {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** The server's rules for one answer (type, required, choices, bounds), checked before anything is sent. */
export function validateAnswer(question: PublicQuestion, value: AnswerValue | undefined): ValidationError | null {
  if (value === null) {
    if (question.allowPreferNot) return null;
    return question.required ? { key: 'errorRequired' } : null;
  }
  if (isBlank(value)) return question.required ? { key: 'errorRequired' } : null;

  const codes = (question.choices ?? []).map((choice) => choice.code);
  const { min, max } = question;
  switch (question.type) {
    case 'single_choice':
      return typeof value === 'string' && codes.includes(value) ? null : { key: 'errorChoice' };
    case 'multiple_choice':
      return Array.isArray(value) && value.every((code) => codes.includes(code)) ? null : { key: 'errorChoice' };
    case 'yes_no':
      return typeof value === 'boolean' ? null : { key: 'errorChoice' };
    case 'scale':
    case 'number': {
      const number = asNumber(value);
      if (!Number.isFinite(number)) return { key: 'errorNumber' };
      if (question.type === 'scale' && !Number.isInteger(number)) return { key: 'errorInteger' };
      const hasMin = typeof min === 'number';
      const hasMax = typeof max === 'number';
      if ((hasMin && number < min) || (hasMax && number > max)) {
        if (hasMin && hasMax) return { key: 'errorBetween', values: { min, max } };
        return hasMin ? { key: 'errorMin', values: { min } } : { key: 'errorMax', values: { max: max as number } };
      }
      return null;
    }
    case 'short_text':
    case 'long_text': {
      const limit = TEXT_MAX_LENGTH[question.type];
      if (typeof value !== 'string') return { key: 'errorRequired' };
      // Counted in characters (code points), as the server counts them.
      return [...value.trim()].length > limit ? { key: 'errorTooLong', values: { max: limit } } : null;
    }
    case 'date': {
      const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
      if (!match) return { key: 'errorDate' };
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      return real ? null : { key: 'errorDate' };
    }
    default:
      return null;
  }
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
