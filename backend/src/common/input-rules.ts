import { HttpStatus } from '@nestjs/common';
import secureJson from 'secure-json-parse';
import { ApiError, ErrorCode, FieldError } from './errors';

/**
 * The one input rule of every route (issue 15), shared by Fastify's JSON parser and hook (input-hooks.ts) and by the
 * residents' direct ingest: a body is UTF-8, JSON nested at most MAX_JSON_DEPTH deep, and every text in a body, a
 * query string or a path is valid Unicode without NUL. PostgreSQL refuses NUL in text and lone surrogates in JSON;
 * refused here, the client learns which field is wrong instead of getting a 500 (or a 503 it would retry forever).
 */
export const MAX_JSON_DEPTH = 64;

/** Most problems a 400 lists: one wrong field is enough to fix the request, a thousand would only weigh. */
const MAX_PROBLEMS = 20;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

const badRequest = (message: string, code: ErrorCode = 'invalid_body') => new ApiError(HttpStatus.BAD_REQUEST, code, message);

/** What is wrong with a text, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/**
 * Whether JSON text opens more than `max` arrays or objects inside one another. A scan rather than a parse:
 * JSON.parse and every later walk of the value (validation, TypeORM) recurse, and 10,000 levels overflow the stack.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // an escape: the next character is not the string's end
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A JSON body as bytes → its value, or a 400 saying what is wrong with it (never a parser's stack). */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Decoding leniently would store U+FFFD in place of the client's bytes, silently.
    throw badRequest('Body is not valid UTF-8 text', 'invalid_encoding');
  }
  if (text.length === 0) throw badRequest("Body cannot be empty when content-type is set to 'application/json'", 'bad_request');
  if (jsonTooDeep(text)) throw badRequest(`Body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    // Fastify's own rules: no __proto__ or constructor.prototype keys.
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    throw badRequest(`Body is not valid JSON: ${(err as Error).message}`, 'bad_request');
  }
}

/** Each text in `value` (keys included) that breaks the rule, with its path: `steps.1.text`, `answers.0.value`. */
export function textProblems(value: unknown, path = '', found: FieldError[] = []): FieldError[] {
  if (found.length >= MAX_PROBLEMS) return found;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found.push({ field: path || 'body', message: `${path || 'body'} ${problem}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textProblems(item, path ? `${path}.${i}` : String(i), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      if (problem) found.push({ field: path || 'body', message: `a field name in ${path || 'the body'} ${problem}` });
      else textProblems(item, field, found);
    }
  }
  return found;
}

/** The 400 for texts that break the rule, shaped as the validation pipe's (validation.pipe.ts). */
export function textRuleError(problems: FieldError[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', problems.map((p) => p.message).join('; '), problems);
}
