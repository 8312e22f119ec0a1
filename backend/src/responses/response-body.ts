import { createHash } from 'node:crypto';
import type { AnswerProblem } from './validate-answers';

/** A resident's response is a few KB; anything near this is not one. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

/** A resident's response as sent (API.md), its answers not yet checked against the version. */
export interface ResponseBody {
  language: string;
  version: number;
  answers: unknown[];
}

export type ParsedBody =
  | { kind: 'body'; body: ResponseBody }
  /** The honeypot field, invisible to people, was filled: a bot. */
  | { kind: 'bot' }
  | { kind: 'invalid'; problems: AnswerProblem[]; language?: string };

const FIELDS = new Set(['language', 'version', 'answers', 'website']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The primary subtag, lower-case: `fr-CA` → `fr`. */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/**
 * The top level of a response, by hand rather than class-validator: this runs for every resident's answer on
 * the hot path. Unknown fields are refused, like everywhere else in the API.
 */
export function parseResponseBody(raw: unknown): ParsedBody {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', problems: [{ field: 'body', key: 'body' }] };
  }
  const body = raw as Record<string, unknown>;
  const website = body.website;
  if (website !== undefined && website !== null && website !== '' && website !== false) return { kind: 'bot' };

  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) problems.push({ field: key, key: 'unknown_field' });
  }
  const { language, version, answers } = body;
  const languageOk = typeof language === 'string' && language.trim() !== '' && language.length <= 35;
  if (!languageOk) problems.push({ field: 'language', key: 'language' });
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push({ field: 'version', key: 'version' });
  }
  if (!Array.isArray(answers)) problems.push({ field: 'answers', key: 'answers' });
  if (problems.length > 0) return { kind: 'invalid', problems, language: languageOk ? primaryLanguage(language) : undefined };
  return { kind: 'body', body: { language: language as string, version: version as number, answers: answers as unknown[] } };
}

/**
 * SHA-256 of the response in a canonical form: language, version and the answers ordered by question. A retry
 * must carry the same body as the first send; the order in which a phone listed its answers does not matter.
 */
export function responseHash(body: ResponseBody): string {
  const answers = body.answers
    .map((a) => {
      const e = a as { questionId?: unknown; value?: unknown };
      return [String(e?.questionId), e?.value === undefined ? null : e.value] as const;
    })
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ language: body.language, version: body.version, answers })).digest('hex');
}
