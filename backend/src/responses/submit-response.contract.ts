import type { SchemaObject } from '@nestjs/swagger';

/**
 * The residents' ingest route (API.md), defined once. direct-ingest.ts serves it from these values, parseResponseBody
 * (response-body.ts) checks a body's top level by reading RESPONSE_FIELDS, and submit-response.openapi.ts builds the
 * route's OpenAPI operation from them: what the document says is what the route does (test: submit-response-contract).
 */
export const SUBMIT_RESPONSE_PATH = '/api/public/questionnaires/{slug}/responses';

/** A resident's response is a few KB; anything near this is not one. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The media type the route reads (parameters such as charset allowed); any other body is a 415. */
export const RESPONSE_MEDIA_TYPE = 'application/json';

/** The checks parseResponseBody runs on a required field of the body: a subset of JSON Schema it interprets. */
export type FieldRule =
  | { type: 'string'; minLength: number; maxLength: number; pattern: string }
  | { type: 'integer'; minimum: number }
  | { type: 'array'; items: SchemaObject };

export type ResponseField = 'language' | 'version' | 'answers';

export const ANSWER_SCHEMA = {
  type: 'object',
  description: 'The answer to one question; a question left out is not answered.',
  required: ['questionId'],
  additionalProperties: false,
  properties: {
    questionId: { type: 'string', format: 'uuid', description: 'A question of the version answered' },
    value: {
      description:
        'A choice code (single choice), an array of codes (multiple choice), true/false (yes/no), a number (scale, number), ' +
        'a string (text), "YYYY-MM-DD" (date), or null for « prefer not to answer » where the question offers it',
      anyOf: [{ type: 'string', nullable: true }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }, { type: 'number' }],
    },
  },
} satisfies SchemaObject;

/** The required fields of a response, in the order their problems are listed. */
export const RESPONSE_FIELDS: Record<ResponseField, FieldRule & SchemaObject> = {
  language: {
    type: 'string',
    minLength: 1,
    maxLength: 35,
    pattern: '\\S',
    example: 'fr',
    description: 'One of the languages of the answered version; a regional tag (fr-CA) counts as its language (fr)',
  },
  version: { type: 'integer', minimum: 1, example: 1, description: 'The version answered: the current one or an earlier one' },
  answers: { type: 'array', items: ANSWER_SCHEMA },
};

/** The honeypot field, invisible to people: when filled, the reply looks normal and nothing is stored. */
export const HONEYPOT_FIELD = 'website';

export const RESPONSE_BODY_SCHEMA = {
  type: 'object',
  description: "A resident's response, checked against the version it names",
  required: Object.keys(RESPONSE_FIELDS),
  additionalProperties: false,
  properties: {
    ...RESPONSE_FIELDS,
    [HONEYPOT_FIELD]: {
      type: 'string',
      nullable: true,
      description: 'Honeypot: left empty by people. When filled (with anything), the reply looks normal and nothing is stored.',
    },
  },
} satisfies SchemaObject;

/** What a stored response's sender gets back, the first time and on every retry (API.md). */
export const RECEIPT_SCHEMA = {
  type: 'object',
  required: ['id', 'receivedAt'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid' }, receivedAt: { type: 'string', format: 'date-time' } },
} satisfies SchemaObject;

/** A header a reply carries. */
export interface ReplyHeader {
  description: string;
  schema: SchemaObject;
}

const RETRY_AFTER: ReplyHeader = { description: 'Seconds to wait before sending again', schema: { type: 'integer', minimum: 0 } };
const LIMIT_HEADERS: Record<string, ReplyHeader> = {
  'Retry-After': RETRY_AFTER,
  'X-RateLimit-Limit': { description: 'Requests allowed per client and minute', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the current minute', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'Seconds until the count starts again', schema: { type: 'integer' } },
};

export interface Refusal {
  description: string;
  /** The error body's `code`s this status comes with: the full list, each reachable (the contract test sends them all). */
  codes: readonly string[];
  headers?: Record<string, ReplyHeader>;
}

/** Every error the route answers, by status (500 aside: a bug, never part of the contract). */
export const SUBMIT_RESPONSE_REFUSALS: Record<number, Refusal> = {
  400: {
    description:
      'No or malformed Idempotency-Key (idempotency_key_required, invalid_idempotency_key); a body that is not valid ' +
      `JSON (bad_request), not UTF-8 (invalid_encoding), nested too deep (invalid_body) or with a NUL or lone surrogate in a text ` +
      "(validation_failed); or invalid answers (invalid_response): one error per question, in the resident's language, " +
      'each naming its field and, for an answer, its questionId',
    codes: [
      'idempotency_key_required',
      'invalid_idempotency_key',
      'bad_request',
      'invalid_encoding',
      'invalid_body',
      'validation_failed',
      'invalid_response',
    ],
  },
  404: {
    description: 'No questionnaire is published at this slug (not_found), or it opens later (not_open)',
    codes: ['not_found', 'not_open'],
  },
  410: {
    description: 'The questionnaire is closed (closed) or archived (archived); a retry of a response stored before still gets its receipt',
    codes: ['closed', 'archived'],
  },
  413: { description: `Body over ${RESPONSE_BODY_LIMIT} bytes; the connection is closed`, codes: ['payload_too_large'] },
  415: { description: `A body that is not ${RESPONSE_MEDIA_TYPE}; the connection is closed`, codes: ['unsupported_media_type'] },
  422: {
    description: 'This Idempotency-Key was already used with another body; the first stays stored',
    codes: ['idempotency_key_reused'],
  },
  429: {
    description: 'Too many requests from this client (PUBLIC_RATE_LIMIT a minute)',
    codes: ['too_many_requests'],
    headers: LIMIT_HEADERS,
  },
  503: {
    description: 'Not stored this time (the database cannot be reached); send the same body and key again after Retry-After',
    codes: ['unavailable'],
    headers: { 'Retry-After': RETRY_AFTER },
  },
};
