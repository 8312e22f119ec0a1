import { Client } from 'pg';
import type { AnswerValue } from '../../backend/src/questionnaires/question.types';
import { encodeAnswersSql } from '../../backend/src/responses/answer-codes';
import type { AnswerKeys } from '../../backend/src/responses/answer-keys';
import { BENCH_QUESTIONS, LANGUAGES, Q } from '../support/bench-questionnaire';
import { inChunks } from '../support/chunks';

// The responses bench:ingest finds already stored in its second run of the API: answers to the bench questionnaire
// with the mix of randomResponse() (bench-questionnaire.ts), made by PostgreSQL itself (INSERT … SELECT
// generate_series), spread in time order over the months before now, as a table that grew with its responses is.

const json = (v: AnswerValue) => `'${JSON.stringify(v).replace(/'/g, "''")}'::jsonb`;
/** One of `values`, equally likely, from a uniform draw `column` in [0, 1). */
const oneOf = (column: string, values: AnswerValue[]) =>
  `(ARRAY[${values.map(json).join(', ')}])[1 + floor(${column} * ${values.length})::int]`;

/**
 * The one statement that writes stored responses, and the one place that knows the columns of `responses` and how
 * answers are stored (keyed by the version's answer keys, `keys`; codes as answer-codes.ts encodes them; body_hash
 * the 32 bytes of a SHA-256; the month in the plan's zone, America/Toronto). Parameters: $1 questionnaire, $2 version,
 * $3 … $4 the rows of this chunk (1-based) of $7 in all, answered between $5 and $6: the k-th at k/$7 of the way.
 */
export function prefillSql(keys: AnswerKeys): string {
  const k = (questionId: string) => {
    const key = keys[questionId];
    if (key === undefined) throw new Error(`question ${questionId} has no answer key`);
    return `'${key}'`;
  };
  const answers = [
    `jsonb_build_object(${k(Q.attended)}, attended < 0.5)`,
    `jsonb_build_object(${k(Q.heardFrom)}, ${oneOf('heard', ['friends', 'organization', 'social_media', 'poster', 'other'])})`,
    `jsonb_build_object(${k(Q.satisfaction)}, sat)`,
    `CASE WHEN sat <= 2 THEN jsonb_build_object(${k(Q.why)}, ${oneOf('why', ['Plus d’interprètes.', 'More activities for children.', 'وقت أطول للأسئلة.'])}) ELSE '{}' END`,
    `CASE WHEN people < 0.5 THEN jsonb_build_object(${k(Q.people)}, 1 + floor(people * 12)::int) ELSE '{}' END`,
    `jsonb_build_object(${k(Q.gender)}, ${oneOf('gender', ['woman', 'man', 'non_binary', 'self_described', null])})`,
    `CASE WHEN gender >= 0.6 AND gender < 0.8 THEN jsonb_build_object(${k(Q.genderSelf)}, 'Bispirituel·le') ELSE '{}' END`,
    `jsonb_build_object(${k(Q.age)}, ${oneOf('age', ['18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', null])})`,
    `jsonb_build_object(${k(Q.immigration)}, ${oneOf('imm', ['born_canada', 'arrived_lt5', 'arrived_5plus', null])})`,
    `jsonb_build_object(${k(Q.language)}, CASE WHEN lang < 0.1 THEN 'null'::jsonb ELSE jsonb_build_array(${oneOf('lang2', ['fr', 'en', 'ar', 'pa', 'bn', 'ur', 'el', 'ta'])}) END)`,
    `jsonb_build_object(${k(Q.disability)}, ${oneOf('dis', [true, false, false, false, null])})`,
  ];
  const draws = ['ui', 'attended', 'heard', 'why', 'people', 'gender', 'age', 'imm', 'lang', 'lang2', 'dis'];
  return `
    INSERT INTO responses (questionnaire_id, version, language, received_at, answered_at, idempotency_key, body_hash, answers, codes, answered_month)
    SELECT $1::uuid, $2::int, language, answered_at, answered_at, idempotency_key,
           sha256(uuid_send(idempotency_key) || convert_to(answers::text, 'UTF8')), answers, ${encodeAnswersSql(BENCH_QUESTIONS, 'answers', keys)},
           date_trunc('month', answered_at AT TIME ZONE 'America/Toronto')::date
      FROM (SELECT (ARRAY[${LANGUAGES.map((l) => `'${l}'`).join(', ')}])[1 + floor(ui * ${LANGUAGES.length})::int] AS language,
                   answered_at, gen_random_uuid() AS idempotency_key, ${answers.join('\n           || ')} AS answers
              FROM (SELECT g, ${draws.map((d) => `random() AS ${d}`).join(', ')}, 1 + floor(random() * 5)::int AS sat,
                           $5::timestamptz + ((g - 1 + random()) / $7::int) * ($6::timestamptz - $5::timestamptz) AS answered_at
                      FROM generate_series($3::int, $4::int) g OFFSET 0) d OFFSET 0) a`;
}

/**
 * `rows` responses to questionnaire `questionnaireId` (version 1, whose answer keys are `keys`), answered between `from`
 * and `to`, in chunks of 50,000 on each of `connections` at once.
 */
export async function prefill(
  connections: Client[],
  questionnaireId: string,
  keys: AnswerKeys,
  rows: number,
  from: Date,
  to: Date,
  progress: (done: number) => void,
): Promise<void> {
  const sql = prefillSql(keys);
  await inChunks(
    connections,
    rows,
    (db, lo, hi) => db.query(sql, [questionnaireId, 1, lo, hi, from.toISOString(), to.toISOString(), rows]),
    progress,
  );
}
