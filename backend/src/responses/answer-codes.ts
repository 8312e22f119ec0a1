import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import type { AnswerKeys } from './answer-keys';

/**
 * A response's answers as a few bytes: what the aggregation groups a million responses by. Extracting three answers
 * from each row's JSON and hashing them as text cost more than everything else a recompute does (bench:aggregate);
 * bytes read with get_byte at known offsets cost about a third of that (an int array's elements cost more: each
 * subscript copies the array). The JSON answers stay the truth: a row without codes (written by an older release,
 * by hand, or with an answer this encoding cannot hold) is read from its JSON instead, with the same result.
 *
 * The coded questions of a version, in its order, each at its offset: one byte — 0 not answered, 255 « prefer not »,
 * otherwise single choice 1 + the choice's index, yes/no 1 yes 2 no, scale 1 + value − min; a multiple choice four
 * bytes (big-endian) — 0 not answered, all ones « prefer not », otherwise ANSWERED_BIT plus a bit per choice.
 * Text, number and date questions take no bytes: they are read from the JSON.
 */
const PREFER_NOT_BYTE = 255;
const ANSWERED_BIT = 2 ** 30;
const MAX_CODE = 254;
const MAX_MULTIPLE = 30;

/** Bytes a question's answer takes in the codes: 0 when it is not coded. */
export function codeWidth(q: Question): 0 | 1 | 4 {
  const choices = q.choices?.length ?? 0;
  switch (q.type) {
    case 'single_choice':
      return choices <= MAX_CODE ? 1 : 0;
    case 'yes_no':
      return 1;
    case 'scale':
      return Number.isInteger(q.min) && Number.isInteger(q.max) && q.max! - q.min! + 1 <= MAX_CODE ? 1 : 0;
    case 'multiple_choice':
      return choices <= MAX_MULTIPLE ? 4 : 0;
    default:
      return 0;
  }
}

/** Where each coded question's bytes start in a version's codes (0-based), by question id. */
export function codeOffsets(questions: Question[]): Map<string, { offset: number; width: 1 | 4 }> {
  const out = new Map<string, { offset: number; width: 1 | 4 }>();
  let offset = 0;
  for (const q of questions) {
    const width = codeWidth(q);
    if (width === 0) continue;
    out.set(q.id, { offset, width });
    offset += width;
  }
  return out;
}

/** The codes of validated answers; null when one answer cannot be coded (the row is then read from its JSON). */
export function encodeAnswers(questions: Question[], answers: Record<string, AnswerValue>): Buffer | null {
  const bytes: number[] = [];
  for (const q of questions) {
    const width = codeWidth(q);
    if (width === 0) continue;
    const code = encode(q, answers[q.id]);
    if (code === null) return null;
    if (width === 1) bytes.push(code);
    else bytes.push((code >>> 24) & 255, (code >>> 16) & 255, (code >>> 8) & 255, code & 255);
  }
  return Buffer.from(bytes);
}

function encode(q: Question, answer: AnswerValue | undefined): number | null {
  const multiple = q.type === 'multiple_choice';
  if (answer === undefined) return 0;
  if (answer === null) return multiple ? 0xffffffff : PREFER_NOT_BYTE;
  const index = (code: unknown) => (q.choices ?? []).findIndex((c) => c.code === code);
  switch (q.type) {
    case 'single_choice':
      return index(answer) >= 0 ? index(answer) + 1 : null;
    case 'yes_no':
      return answer === true ? 1 : answer === false ? 2 : null;
    case 'scale':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= q.min! && answer <= q.max! ? answer - q.min! + 1 : null;
    default: // multiple choice
      if (!Array.isArray(answer) || answer.some((a) => index(a) < 0)) return null;
      return answer.reduce((code, a) => code + 2 ** index(a), ANSWERED_BIT);
  }
}

/**
 * The answer a question's code stands for: undefined when not answered, null for « prefer not ». `code` as SQL reads
 * it: a byte, or four bytes as a signed int4 (« prefer not » is then -1).
 */
export function decodeAnswer(q: Question, code: number | null): AnswerValue | undefined {
  if (code === null || code === 0) return undefined;
  if (code === PREFER_NOT_BYTE || code === -1) return null;
  const choices = q.choices ?? [];
  switch (q.type) {
    case 'single_choice':
      return choices[code - 1]?.code;
    case 'yes_no':
      return code === 1;
    case 'scale':
      return code - 1 + q.min!;
    case 'multiple_choice':
      return choices.filter((_, i) => (code & (2 ** i)) !== 0).map((c) => c.code);
    default:
      return undefined;
  }
}

/** The SQL that reads a question's code from `codes` at `offset` (an SQL expression): a byte, or four as an int4. */
export function codeSql(codes: string, offset: string, width: 1 | 4): string {
  if (width === 1) return `get_byte(${codes}, ${offset})`;
  return `(get_byte(${codes}, ${offset}) << 24 | get_byte(${codes}, ${offset} + 1) << 16 | get_byte(${codes}, ${offset} + 2) << 8 | get_byte(${codes}, ${offset} + 3))`;
}

/**
 * The same encoding in SQL, over a JSON answers expression keyed as stored (`keys`: the version's answer keys): for
 * loading rows in bulk inside PostgreSQL (benchmarks, imports) without a trip through JavaScript. An answer it cannot code (which validation keeps out) makes the codes
 * NULL: the row is read from its JSON.
 */
export function encodeAnswersSql(questions: Question[], answers: string, keys: AnswerKeys): string {
  const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const hex = (value: string, width: 1 | 4) => `lpad(to_hex(${value}), ${width * 2}, '0')`;
  const parts: string[] = [];
  for (const q of questions) {
    const width = codeWidth(q);
    if (width === 0) continue;
    const key = keys[q.id] ?? q.id;
    const value = `(${answers}->${literal(key)})`;
    const text = `(${answers}->>${literal(key)})`;
    const choices = q.choices ?? [];
    let coded: string;
    switch (q.type) {
      case 'single_choice':
        coded = `CASE WHEN jsonb_typeof(${value}) = 'string' THEN CASE ${text} ${choices.map((c, i) => `WHEN ${literal(c.code)} THEN ${i + 1}`).join(' ')} END END`;
        break;
      case 'yes_no':
        coded = `CASE ${value} WHEN 'true'::jsonb THEN 1 WHEN 'false'::jsonb THEN 2 END`;
        break;
      case 'scale':
        // CASE tests in order: the cast only sees numbers.
        coded = `CASE WHEN jsonb_typeof(${value}) <> 'number' THEN NULL
                      WHEN (${text})::numeric BETWEEN ${q.min} AND ${q.max} AND (${text})::numeric % 1 = 0 THEN (${text})::int - ${q.min} + 1 END`;
        break;
      default: // multiple choice: the mask, NULL if it holds an unknown code
        coded = `CASE WHEN jsonb_typeof(${value}) = 'array' AND NOT ${value} - ARRAY[${choices.map((c) => literal(c.code)).join(', ')}]::text[] <> '[]'::jsonb
                 THEN ${ANSWERED_BIT}::int8 ${choices.map((c, i) => `+ CASE WHEN ${value} ? ${literal(c.code)} THEN ${2 ** i} ELSE 0 END`).join(' ')} END`;
    }
    const prefer = width === 1 ? PREFER_NOT_BYTE : 0xffffffff;
    parts.push(
      hex(
        `CASE WHEN NOT (${answers} ? ${literal(key)}) THEN 0 WHEN ${value} = 'null'::jsonb THEN ${prefer} ELSE ${coded} END::int8`,
        width,
      ),
    );
  }
  // concat() would skip a NULL part: || makes the whole codes NULL.
  return parts.length ? `decode(${parts.join(' || ')}, 'hex')` : `'\\x'::bytea`;
}
