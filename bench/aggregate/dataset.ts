import { randomInt } from 'node:crypto';
import type { AnswerValue, Question } from '../../backend/src/questionnaires/question.types';

// The data of bench:aggregate: the Welcome Day questionnaire (six questions and the ADS+ block, its real
// question ids), answered a million times over three years. The rows are made by PostgreSQL itself (one
// INSERT … SELECT generate_series per chunk) with the mix residents give: « prefer not » (null), questions
// left unanswered (no key), the show-if branch, several home languages. Answers are stored as the ingest
// stores them: answer key → value (the version's short keys, answer-keys.ts), only for questions shown and answered.

/** A choice among weighted outcomes: a JSON value, `null` (prefer not), or `ABSENT` (no key: not answered). */
export const ABSENT = Symbol('absent');
type Outcome = AnswerValue | typeof ABSENT;
type Weighted = [Outcome, number][];

export interface WelcomeIds {
  heardFrom: string;
  firstTime: string;
  knowsTable: string;
  services: string;
  satisfaction: string;
  improve: string;
  gender: string;
  gender_self: string;
  age_group: string;
  immigration: string;
  language: string;
  disability: string;
}

const HEARD: Weighted = [
  ['friends', 35],
  ['organization', 30],
  ['social_media', 20],
  ['poster', 10],
  ['other', 5],
];
const SATISFACTION: Weighted = [
  [1, 3],
  [2, 6],
  [3, 16],
  [4, 40],
  [5, 35],
];
const GENDER: Weighted = [
  ['woman', 52],
  ['man', 39],
  ['non_binary', 2],
  ['self_described', 1],
  [null, 4],
  [ABSENT, 2],
];
const AGE: Weighted = [
  ['under_18', 3],
  ['18_24', 12],
  ['25_34', 26],
  ['35_44', 24],
  ['45_54', 15],
  ['55_64', 9],
  ['65_plus', 5],
  [null, 4],
  [ABSENT, 2],
];
const IMMIGRATION: Weighted = [
  ['born_canada', 30],
  ['arrived_lt5', 38],
  ['arrived_5plus', 24],
  [null, 6],
  [ABSENT, 2],
];
const DISABILITY: Weighted = [
  [true, 9],
  [false, 80],
  [null, 8],
  [ABSENT, 3],
];
/** A home language; a second one for some. */
const LANGUAGE = [
  ['fr', 30],
  ['ar', 16],
  ['en', 12],
  ['bn', 9],
  ['pa', 8],
  ['ur', 7],
  ['el', 6],
  ['ta', 5],
  ['es', 4],
  ['other', 3],
] as [string, number][];
const SERVICES = ['food', 'housing', 'employment', 'french', 'health', 'children'];
const UI_LANGUAGES: [string, number][] = [
  ['fr', 50],
  ['en', 25],
  ['ar', 25],
];

const sqlJson = (v: AnswerValue) => `'${JSON.stringify(v).replace(/'/g, "''")}'::jsonb`;

/** CASE over one uniform random column: each outcome gets its share of [0, 1). */
function cases<T>(column: string, weighted: [T, number][], render: (v: T) => string): string {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = weighted.slice(0, -1).map(([v, w]) => {
    acc += w;
    return `WHEN ${column} < ${(acc / total).toFixed(6)} THEN ${render(v)}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${render(weighted[weighted.length - 1][0])} END`;
}

/** The answer to one question as a one-key object, or '{}' when it is not answered. */
const piece = (column: string, questionId: string, weighted: Weighted) =>
  cases(column, weighted, (v) => (v === ABSENT ? `'{}'::jsonb` : `jsonb_build_object('${questionId}', ${sqlJson(v)})`));

/** The Welcome Day questions' stored answer keys (questionnaire_versions.answer_keys), for loadSql. */
export function storedKeys(ids: WelcomeIds, answerKeys: Record<string, string>): WelcomeIds {
  return Object.fromEntries(
    Object.entries(ids).map(([k, id]) => {
      const key = answerKeys[id];
      if (key === undefined) throw new Error(`question ${k} (${id}) has no answer key`);
      return [k, key];
    }),
  ) as unknown as WelcomeIds;
}

/**
 * One INSERT of responses `$3 … $4` (generate_series bounds, of $7 in all) into questionnaire $1, version $2, answered
 * between $5 and $6 in the order of the series, as a table filled over three years is: the k-th of $7 responses
 * at k/$7 of the way, within one response's share of time. (Random dates all over the table would scatter a month's
 * rows across every page, which no table that grew with its responses looks like.) Every random draw is a column of
 * the inner query (OFFSET 0 keeps it from being inlined, so each CASE sees one draw). `q` names the JSON keys the
 * answers are written under: the version's answer keys (storedKeys), as the ingest stores them. body_hash is a
 * 32-byte SHA-256 per row, as the ingest's (of the row's idempotency key and answers: no two alike).
 */
export function loadSql(q: WelcomeIds, codes: (answers: string) => string): string {
  const draws = [
    'lang',
    'heard',
    'first',
    'knows',
    'svc1',
    'svc2',
    'svc_n',
    'sat',
    'improve',
    'gender',
    'age',
    'imm',
    'lang1',
    'lang2',
    'lang_n',
    'lang_x',
    'dis',
    'at',
  ];
  const lang = (column: string) => cases(column, LANGUAGE, (v) => `'${v}'`);
  const answers = [
    piece('heard', q.heardFrom, HEARD),
    `jsonb_build_object('${q.firstTime}', first < 0.6)`,
    `jsonb_build_object('${q.knowsTable}', knows < 0.45)`,
    // Shown only to first-timers; one to three services, or none (not answered).
    `CASE WHEN first < 0.6 AND svc_n < 0.8 THEN jsonb_build_object('${q.services}',
       CASE WHEN svc_n < 0.5 THEN jsonb_build_array((ARRAY${JSON.stringify(SERVICES).replace(/"/g, "'")})[1 + floor(svc1 * 6)::int])
            ELSE (SELECT jsonb_agg(DISTINCT s) FROM unnest(ARRAY[(ARRAY${JSON.stringify(SERVICES).replace(/"/g, "'")})[1 + floor(svc1 * 6)::int],
                                                              (ARRAY${JSON.stringify(SERVICES).replace(/"/g, "'")})[1 + floor(svc2 * 6)::int]]) s) END)
     ELSE '{}'::jsonb END`,
    piece('sat', q.satisfaction, SATISFACTION),
    `CASE WHEN improve < 0.12 THEN jsonb_build_object('${q.improve}', (ARRAY['Plus d''interprètes.', 'More activities for children.', 'وقت أطول للأسئلة.'])[1 + floor(improve * 25)::int]) ELSE '{}'::jsonb END`,
    piece('gender', q.gender, GENDER),
    // Self-described gender: shown only to those who chose it.
    `CASE WHEN gender >= 0.93 AND gender < 0.94 THEN jsonb_build_object('${q.gender_self}', 'Bispirituel·le') ELSE '{}'::jsonb END`,
    piece('age', q.age_group, AGE),
    piece('imm', q.immigration, IMMIGRATION),
    // Home languages: prefer not 7 %, not answered 3 %, one language, or two for 30 % of the others.
    `CASE WHEN lang_x < 0.07 THEN jsonb_build_object('${q.language}', 'null'::jsonb)
          WHEN lang_x < 0.10 THEN '{}'::jsonb
          WHEN lang_n < 0.3 AND ${lang('lang1')} <> ${lang('lang2')} THEN jsonb_build_object('${q.language}', jsonb_build_array(${lang('lang1')}, ${lang('lang2')}))
          ELSE jsonb_build_object('${q.language}', jsonb_build_array(${lang('lang1')})) END`,
    piece('dis', q.disability, DISABILITY),
  ];
  // The codes as the ingest stores them (answer-codes.ts), from the answers in SQL; the month in the bench plan's zone
  // (the default), as the ingest gives it (the trigger that fills it otherwise would cost a lookup a row).
  return `
    INSERT INTO responses (questionnaire_id, version, language, received_at, answered_at, idempotency_key, body_hash, answers, codes, answered_month)
    SELECT $1::uuid, $2::int, language, answered_at + interval '1 second', answered_at, idempotency_key,
           sha256(uuid_send(idempotency_key) || convert_to(answers::text, 'UTF8')), answers, ${codes('answers')},
           date_trunc('month', answered_at AT TIME ZONE 'America/Toronto')::date
      FROM (SELECT ${cases('lang', UI_LANGUAGES, (v) => `'${v}'`)} AS language, answered_at, gen_random_uuid() AS idempotency_key,
                   ${answers.join('\n         || ')} AS answers
              FROM (SELECT g, ${draws
                .filter((d) => d !== 'at')
                .map((d) => `random() AS ${d}`)
                .join(', ')},
                           $5::timestamptz + ((g - 1 + random()) / $7::int) * ($6::timestamptz - $5::timestamptz) AS answered_at
                      FROM generate_series($3::int, $4::int) g OFFSET 0) d OFFSET 0) a`;
}

const pick = <T>(weighted: [T, number][]): T => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};

/** A valid body for POST /api/public/questionnaires/{slug}/responses, drawn from the same mix. */
export function randomBody(q: WelcomeIds): { language: string; version: number; answers: { questionId: string; value: AnswerValue }[] } {
  const answers: { questionId: string; value: AnswerValue }[] = [];
  const put = (questionId: string, v: Outcome) => {
    if (v !== ABSENT) answers.push({ questionId, value: v });
  };
  const first = Math.random() < 0.6;
  put(q.heardFrom, pick(HEARD));
  put(q.firstTime, first);
  put(q.knowsTable, Math.random() < 0.45);
  if (first && Math.random() < 0.8) put(q.services, [...new Set([SERVICES[randomInt(6)], SERVICES[randomInt(6)]])]);
  put(q.satisfaction, pick(SATISFACTION));
  const gender = pick(GENDER);
  put(q.gender, gender);
  if (gender === 'self_described') put(q.gender_self, 'Bispirituel·le');
  put(q.age_group, pick(AGE));
  put(q.immigration, pick(IMMIGRATION));
  const x = Math.random();
  put(q.language, x < 0.07 ? null : x < 0.1 ? ABSENT : [...new Set([pick(LANGUAGE), ...(Math.random() < 0.3 ? [pick(LANGUAGE)] : [])])]);
  put(q.disability, pick(DISABILITY));
  return { language: pick(UI_LANGUAGES), version: 1, answers };
}

/** The ids the generators need, checked against the questionnaire they will answer. */
export function welcomeIds(ids: Record<string, string>, questions: Question[]): WelcomeIds {
  const keys: (keyof WelcomeIds)[] = [
    'heardFrom',
    'firstTime',
    'knowsTable',
    'services',
    'satisfaction',
    'improve',
    'gender',
    'gender_self',
    'age_group',
    'immigration',
    'language',
    'disability',
  ];
  const present = new Set(questions.map((x) => x.id));
  for (const k of keys) if (!present.has(ids[k])) throw new Error(`the Welcome Day questionnaire has no question ${k}`);
  return Object.fromEntries(keys.map((k) => [k, ids[k]])) as unknown as WelcomeIds;
}
