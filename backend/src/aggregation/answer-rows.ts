import { EntityManager } from 'typeorm';
import type { Question } from '@backend/questionnaires/question.types';
import { codeOffsets, codeSql, decodeAnswer } from '@backend/responses/answer-codes';
import { keyFromSum } from '@backend/disclosure/cell-key';
import type { AnswerKeys } from '@backend/responses/answer-keys';
import type { Scope } from './source-queries';

/**
 * Responses counted by month and by their answers to some questions. Each answer is given as the JSON text of the
 * value (`(answers->q)::text`): null when not answered, 'null' for « prefer not ».
 */
export interface AnswerRow {
  month: string;
  answers: (string | null)[];
  rows: number;
  /** The sum of the rows' record keys, in [0, 2^32): their cell key (disclosure/cell-key.ts). */
  key: number;
}

/** Per version: its questions, and where each coded one is in the codes. */
type Versions = Map<number, { questions: Map<string, Question>; offsets: ReturnType<typeof codeOffsets>; keys: AnswerKeys }>;

/** Parameters bound as they are named: `$n` for each value, in order. */
function binder(): { bind: (value: unknown) => string; params: unknown[] } {
  const params: unknown[] = [];
  return { params, bind: (value) => `$${params.push(value)}` };
}

/**
 * The responses of the scope's days (and months), in the plan's time zone, through the (questionnaire_id, answered_at)
 * indexes. Months are grouped by answered_month, which the writers took in the same zone (migration PlanTimeZones).
 */
function inScope(scope: Scope, bind: (value: unknown) => string): string {
  const zone = bind(scope.zone);
  const days = `AND r.answered_at >= (${bind(scope.from)}::timestamp AT TIME ZONE ${zone}) AND r.answered_at < ((${bind(scope.until)}::date + 1)::timestamp AT TIME ZONE ${zone})`;
  if (!scope.months) return days;
  return `${days} AND r.answered_at >= (${bind(scope.months.from)}::timestamp AT TIME ZONE ${zone}) AND r.answered_at < ((${bind(scope.months.to)}::date + interval '1 month')::timestamp AT TIME ZONE ${zone})`;
}

/**
 * The responses of a questionnaire (in the range's months) grouped by month and by their answers to `questionIds`:
 * one scan and one hash aggregate over their codes (answer-codes.ts), plus the few rows without codes read from their
 * JSON (through a partial index). When one of the questions is not coded (a text, a number), every row is read from
 * its JSON.
 */
export async function answerRows(em: EntityManager, questionnaireId: string, questionIds: string[], scope: Scope): Promise<AnswerRow[]> {
  const versions = await questionsByVersion(em, questionnaireId);
  const codes = questionIds.map((id) => codeExpression(id, versions));
  const keys = questionIds.map((id) => answerKeyOf(id, versions));
  if (codes.some((c) => c === null)) return jsonRows(em, questionnaireId, keys, scope, '');
  return [
    ...(await codedRows(em, questionnaireId, questionIds, codes as string[], versions, scope)),
    ...(await jsonRows(em, questionnaireId, keys, scope, 'AND r.codes IS NULL')),
  ];
}

async function questionsByVersion(em: EntityManager, questionnaireId: string): Promise<Versions> {
  const rows: { version: number; questions: Question[]; keys: AnswerKeys }[] = await em.query(
    'SELECT version, questions, answer_keys AS keys FROM questionnaire_versions WHERE questionnaire_id = $1',
    [questionnaireId],
  );
  return new Map(
    rows.map((r) => [
      r.version,
      { questions: new Map(r.questions.map((q) => [q.id, q])), offsets: codeOffsets(r.questions), keys: r.keys },
    ]),
  );
}

/**
 * The key a question's answers are stored under: the same in every version (answer-keys.ts). A question no version
 * holds reads nothing (its id is no key).
 */
function answerKeyOf(questionId: string, versions: Versions): string {
  for (const v of versions.values()) if (v.keys[questionId] !== undefined) return v.keys[questionId];
  return questionId;
}

/**
 * The SQL that reads a question's code from a row: at its offset in the row's version, which a later version may
 * move. Null when some version holds it uncoded. A version without it reads NULL: not answered.
 */
function codeExpression(questionId: string, versions: Versions): string | null {
  const places: [number, number][] = [];
  let width: 1 | 4 | null = null;
  for (const [version, v] of versions) {
    if (!v.questions.has(questionId)) continue;
    const place = v.offsets.get(questionId);
    if (!place || (width !== null && place.width !== width)) return null;
    width = place.width;
    places.push([version, place.offset]);
  }
  if (width === null) return 'NULL::int';
  const same = places.length === versions.size && new Set(places.map(([, p]) => p)).size === 1;
  return codeSql(
    'r.codes',
    same ? String(places[0][1]) : `(CASE r.version ${places.map(([v, p]) => `WHEN ${v} THEN ${p}`).join(' ')} END)`,
    width,
  );
}

async function codedRows(
  em: EntityManager,
  questionnaireId: string,
  questionIds: string[],
  codes: string[],
  versions: Versions,
  scope: Scope,
): Promise<AnswerRow[]> {
  const q = binder();
  const keys = codes.map((_, i) => `k${i}`);
  const rows: ({ month: string; v: number; rows: number; key: string } & Record<string, number | null>)[] = await em.query(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, v, ${keys.map((k) => `${k}, `).join('')}count(*)::int AS rows, sum(record_key)::text AS key
       FROM (SELECT r.answered_month AS month, r.version AS v, r.record_key${codes.map((code, i) => `, ${code} AS k${i}`).join('')}
               FROM responses r WHERE r.questionnaire_id = ${q.bind(questionnaireId)} AND r.codes IS NOT NULL ${inScope(scope, q.bind)}) x
      GROUP BY month, v${keys.map((k) => `, ${k}`).join('')}`,
    q.params,
  );
  return rows.map((row) => ({
    month: row.month,
    rows: row.rows,
    key: keyFromSum(row.key),
    answers: questionIds.map((id, i) => {
      const question = versions.get(row.v)?.questions.get(id);
      const value = question ? decodeAnswer(question, row[`k${i}`]) : undefined;
      return value === undefined ? null : JSON.stringify(value);
    }),
  }));
}

/** Rows read from their JSON, by the questions' answer keys. */
async function jsonRows(
  em: EntityManager,
  questionnaireId: string,
  answerKeys: string[],
  scope: Scope,
  filter: string,
): Promise<AnswerRow[]> {
  const q = binder();
  const keys = answerKeys.map((_, i) => `k${i}`);
  const rows: ({ month: string; rows: number; key: string } & Record<string, string | null>)[] = await em.query(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, ${keys.map((k) => `${k}, `).join('')}count(*)::int AS rows, sum(record_key)::text AS key
       FROM (SELECT r.answered_month AS month, r.record_key${answerKeys.map((key, i) => `, (r.answers->${q.bind(key)}::text)::text AS k${i}`).join('')}
               FROM responses r WHERE r.questionnaire_id = ${q.bind(questionnaireId)} ${filter} ${inScope(scope, q.bind)}) x
      GROUP BY ${['month', ...keys].join(', ')}`,
    q.params,
  );
  return rows.map((row) => ({ month: row.month, rows: row.rows, key: keyFromSum(row.key), answers: keys.map((k) => row[k]) }));
}
