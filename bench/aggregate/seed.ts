import { Client } from 'pg';
import type { Dimension } from '../../backend/src/indicators/indicator-kind';
import type { IndicatorSource } from '../../backend/src/indicators/indicator-source';
import type { Question, Translations } from '../../backend/src/questionnaires/question.types';
import { inChunks } from '../support/chunks';
import { loadSql, storedKeys, WelcomeIds } from './dataset';

// The bench's plan, written straight in SQL: one plan, one objective, one published questionnaire (the Welcome
// Day one) with its version 1 and its instrument, the indicators, an admin to log in with.

export interface Plan {
  planId: string;
  objectiveId: string;
  startDate: string;
}
/** `answerKeys`: its version 1's question id → the short key answers are stored under (assigned by the database). */
export interface Questionnaire {
  id: string;
  versionId: string;
  slug: string;
  answerKeys: Record<string, string>;
}

export async function seedPlan(db: Client, startDate: string): Promise<Plan> {
  const [{ id: planId }] = (
    await db.query<{ id: string }>(
      `INSERT INTO plans (title, start_date, end_date, midterm_date) VALUES ('Banc d’essai des agrégations', $1, $1::date + interval '6 years', $1::date + interval '3 years') RETURNING id`,
      [startDate],
    )
  ).rows;
  const [{ id: orientationId }] = (
    await db.query<{ id: string }>(
      `INSERT INTO orientations (plan_id, number, title) VALUES ($1, 1, 'Accueillir les nouveaux arrivants') RETURNING id`,
      [planId],
    )
  ).rows;
  const [{ id: objectiveId }] = (
    await db.query<{ id: string }>(
      `INSERT INTO objectives (plan_id, orientation_id, code, title) VALUES ($1, $2, '1.1', 'Faire connaître la Table') RETURNING id`,
      [planId, orientationId],
    )
  ).rows;
  return { planId, objectiveId, startDate };
}

export async function seedQuestionnaire(
  db: Client,
  plan: Plan,
  slug: string,
  content: { title: Translations; description: Translations; questions: Question[] },
): Promise<Questionnaire> {
  const languages = ['fr', 'en', 'ar'];
  const [{ id: instrumentId }] = (
    await db.query<{ id: string }>(`INSERT INTO instruments (plan_id, kind, name) VALUES ($1, 'questionnaire', $2) RETURNING id`, [
      plan.planId,
      `Questionnaire ${slug}`,
    ])
  ).rows;
  const [{ id }] = (
    await db.query<{ id: string }>(
      `INSERT INTO questionnaires (plan_id, instrument_id, slug, title, description, default_language, languages, questions, status, current_version)
     VALUES ($1, $2, $3, $4, $5, 'fr', $6, $7, 'published', 1) RETURNING id`,
      [
        plan.planId,
        instrumentId,
        slug,
        JSON.stringify(content.title),
        JSON.stringify(content.description),
        languages,
        JSON.stringify(content.questions),
      ],
    )
  ).rows;
  // answer_keys: written by the database's trigger (migration CompactResponses), read back.
  const [{ id: versionId, answer_keys: answerKeys }] = (
    await db.query<{ id: string; answer_keys: Record<string, string> }>(
      `INSERT INTO questionnaire_versions (questionnaire_id, version, title, description, default_language, languages, questions)
     VALUES ($1, 1, $2, $3, 'fr', $4, $5) RETURNING id, answer_keys`,
      [id, JSON.stringify(content.title), JSON.stringify(content.description), languages, JSON.stringify(content.questions)],
    )
  ).rows;
  return { id, versionId, slug, answerKeys };
}

export interface IndicatorSpec {
  name: string;
  kind: 'response_count' | 'answer_share' | 'scale_mean';
  grain: 'month' | 'quarter' | 'year';
  dimensions: Dimension[];
  source: IndicatorSource;
}

export async function seedIndicator(db: Client, plan: Plan, spec: IndicatorSpec): Promise<string> {
  const [{ id }] = (
    await db.query<{ id: string }>(
      `INSERT INTO indicators (plan_id, objective_id, name, kind, status, grain, dimensions, source, baseline_value, final_target)
     VALUES ($1, $2, $3, $4, 'active', $5, $6::dimension[], $7, 0, $8) RETURNING id`,
      [
        plan.planId,
        plan.objectiveId,
        spec.name,
        spec.kind,
        spec.grain,
        spec.dimensions,
        JSON.stringify(spec.source),
        spec.kind === 'answer_share' ? 60 : spec.kind === 'scale_mean' ? 4.5 : 2_000_000,
      ],
    )
  ).rows;
  return id;
}

export async function seedAdmin(db: Client, email: string, passwordHash: string): Promise<void> {
  await db.query(`INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, 'Bench admin', $2, 'admin')`, [
    email,
    passwordHash,
  ]);
}

/**
 * `rows` responses to the questionnaire, answered uniformly between `from` and `to`, in chunks made by
 * PostgreSQL itself on `connections.length` connections at once. Calls `progress` after each chunk. `ids` are the
 * question ids; the answers are written under `q.answerKeys` (as stored). `codes` reads JSON keyed as stored
 * (encodeAnswersSql(questions, answers, q.answerKeys)).
 */
export async function loadResponses(
  connections: Client[],
  q: Questionnaire,
  ids: WelcomeIds,
  codes: (answers: string) => string,
  rows: number,
  from: Date,
  to: Date,
  progress: (done: number) => void,
): Promise<void> {
  const sql = loadSql(storedKeys(ids, q.answerKeys), codes);
  await inChunks(connections, rows, (db, lo, hi) => db.query(sql, [q.id, 1, lo, hi, from.toISOString(), to.toISOString(), rows]), progress);
}
