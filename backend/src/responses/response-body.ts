import { createHash } from 'node:crypto';
import { FieldRule, HONEYPOT_FIELD, RESPONSE_BODY_SCHEMA, RESPONSE_FIELDS, ResponseField } from './submit-response.contract';
import type { AnswerProblem } from './validate-answers';

export { RESPONSE_BODY_LIMIT } from './submit-response.contract';

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

const FIELDS = new Set(Object.keys(RESPONSE_BODY_SCHEMA.properties));
const REQUIRED = Object.entries(RESPONSE_FIELDS) as [ResponseField, FieldRule][];
const PATTERNS = new Map(REQUIRED.flatMap(([, rule]) => (rule.type === 'string' ? [[rule, new RegExp(rule.pattern, 'u')] as const] : [])));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The primary subtag, lower-case: `fr-CA` → `fr`. */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/** Whether a value meets its field's rule, as JSON Schema reads it (lengths in code points). */
function meets(rule: FieldRule, value: unknown): boolean {
  switch (rule.type) {
    case 'string': {
      if (typeof value !== 'string') return false;
      const length = value.length <= rule.maxLength ? value.length : [...value].length;
      return length >= rule.minLength && length <= rule.maxLength && PATTERNS.get(rule)!.test(value);
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= rule.minimum;
    case 'array':
      return Array.isArray(value);
  }
}

/**
 * The top level of a response, checked against the route's schema (submit-response.contract.ts) by this small
 * interpreter rather than class-validator or a schema compiler: it runs for every resident's answer on the hot path.
 * Unknown fields are refused, like everywhere else in the API. Each answer is checked by validateAnswers.
 */
export function parseResponseBody(raw: unknown): ParsedBody {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', problems: [{ field: 'body', key: 'body' }] };
  }
  const body = raw as Record<string, unknown>;
  const website = body[HONEYPOT_FIELD];
  if (website !== undefined && website !== null && website !== '' && website !== false) return { kind: 'bot' };

  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) problems.push({ field: key, key: 'unknown_field' });
  }
  let languageOk = true;
  for (const [field, rule] of REQUIRED) {
    if (meets(rule, body[field])) continue;
    problems.push({ field, key: field });
    if (field === 'language') languageOk = false;
  }
  const language = body.language;
  if (problems.length > 0) return { kind: 'invalid', problems, language: languageOk ? primaryLanguage(language as string) : undefined };
  return { kind: 'body', body: { language: language as string, version: body.version as number, answers: body.answers as unknown[] } };
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
  return createHash('sha256')
    .update(JSON.stringify({ language: body.language, version: body.version, answers }))
    .digest('hex');
}
