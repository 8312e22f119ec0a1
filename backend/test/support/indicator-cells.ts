import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { Indicator } from '@backend/indicators/indicator.entity';
import type { Fixtures } from './fixtures';
import { bearer, TestApp } from './test-app';

// What the tests of the aggregation under faults (aggregation-faults, scale-out) compare: an indicator's cells as
// stored, and those a clean recompute gives; and how they see a recompute in progress from outside (its advisory lock).

/** A stored cell, as the values endpoint reads it. */
export interface Cell {
  grain: string;
  period: string;
  dimension: string;
  category: string;
  value: number | null;
  n: number;
  cumulative_value: number | null;
  cumulative_n: number;
  suppressed: boolean;
  cumulative_suppressed: boolean;
}

export const cellsOf = (t: TestApp, indicatorId: string) =>
  t.db.query<Cell[]>(
    `SELECT grain, period_start::text AS period, dimension, category, value, n, cumulative_value, cumulative_n, suppressed, cumulative_suppressed
     FROM indicator_values WHERE indicator_id = $1 ORDER BY grain, period_start, dimension, category`,
    [indicatorId],
  );

const keyOf = (c: Cell) => `${c.grain} ${c.period} ${c.dimension || 'total'} ${c.category}`;

/** Null when both hold the same cells; otherwise what differs, in a few lines rather than thousands of cells. */
export function cellsDiffer(actual: Cell[], expected: Cell[]): string | null {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return null;
  const want = new Map(expected.map((c) => [keyOf(c), c]));
  const have = new Map(actual.map((c) => [keyOf(c), c]));
  const missing = [...want.keys()].filter((k) => !have.has(k));
  const extra = [...have.keys()].filter((k) => !want.has(k));
  const changed = [...want.keys()].filter((k) => have.has(k) && JSON.stringify(have.get(k)) !== JSON.stringify(want.get(k)));
  const first = changed[0]
    ? `; first different: ${JSON.stringify(have.get(changed[0]))} instead of ${JSON.stringify(want.get(changed[0]))}`
    : '';
  return (
    `${actual.length} cells where ${expected.length} were expected: ${missing.length} missing${missing[0] ? ` (${missing[0]}…)` : ''}, ` +
    `${extra.length} extra${extra[0] ? ` (${extra[0]}…)` : ''}, ${changed.length} different${first}`
  );
}

export const computationOf = async (t: TestApp, indicatorId: string) =>
  (
    await t.db.query<{ computed_at: Date; inputs_fingerprint: string }[]>(
      'SELECT computed_at, inputs_fingerprint FROM indicator_computations WHERE indicator_id = $1',
      [indicatorId],
    )
  )[0] ?? null;

export const responsesOf = async (t: TestApp, questionnaireId: string) =>
  (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [questionnaireId]))[0].n;

/** A response count as stored: the sum of its months, and the running total of its last month. */
export async function storedCount(t: TestApp, indicatorId: string): Promise<{ months: number; cumulative: number }> {
  const [row] = await t.db.query<{ months: number | null; cumulative: number | null }[]>(
    `SELECT sum(n)::int AS months,
            (SELECT cumulative_n FROM indicator_values WHERE indicator_id = $1 AND grain = 'month' AND dimension = ''
              ORDER BY period_start DESC LIMIT 1) AS cumulative
       FROM indicator_values WHERE indicator_id = $1 AND grain = 'month' AND dimension = ''`,
    [indicatorId],
  );
  return { months: row.months ?? 0, cumulative: row.cumulative ?? 0 };
}

/**
 * What a clean recompute of the indicator gives, without touching its own cells: an indicator with the same
 * definition on the same plan, computed from scratch in this process by AggregationService.recompute from the same rows.
 */
export async function cleanCells(t: TestApp, indicatorId: string): Promise<Cell[]> {
  const em = t.db.manager;
  const original = await em.findOneByOrFail(Indicator, { id: indicatorId });
  const twin = await em.save(
    em.create(Indicator, {
      planId: original.planId,
      objectiveId: original.objectiveId,
      name: `${original.name} (recalcul témoin)`,
      kind: original.kind,
      status: original.status,
      grain: original.grain,
      dimensions: original.dimensions,
      source: original.source,
    }),
  );
  await t.app.get(AggregationService).recompute(twin.id);
  return cellsOf(t, twin.id);
}

/** For waitFor: true when every indicator holds its clean cells; otherwise throws what still differs. */
export async function allClean(t: TestApp, indicatorIds: string[], clean: Map<string, Cell[]>): Promise<true> {
  for (const id of indicatorIds) {
    const difference = cellsDiffer(await cellsOf(t, id), clean.get(id)!);
    if (difference) throw new Error(`indicator ${id} has ${difference}`);
  }
  return true;
}

/** The indicator's stored cells, then its cells once recomputed cleanly in this process: both, to compare. */
export async function storedThenRecomputed(t: TestApp, indicatorId: string): Promise<{ stored: Cell[]; recomputed: Cell[] }> {
  const stored = await cellsOf(t, indicatorId);
  await t.app.get(AggregationService).recompute(indicatorId, { full: true });
  return { stored, recomputed: await cellsOf(t, indicatorId) };
}

/** The harness app's queue prefix, set before it starts; the returned function puts the run's back. */
export function useQueuePrefix(prefix: string): () => void {
  const saved = process.env.QUEUE_PREFIX;
  process.env.QUEUE_PREFIX = prefix;
  return () => {
    if (saved === undefined) delete process.env.QUEUE_PREFIX;
    else process.env.QUEUE_PREFIX = saved;
  };
}

/** Creates an indicator through the API (as the admin whose token is given) and has the fixtures delete it. */
export async function createIndicator(http: () => ReturnType<typeof request>, token: string, f: Fixtures, body: object): Promise<string> {
  const res = await http().post('/api/indicators').set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`POST /api/indicators answered ${res.status} ${JSON.stringify(res.body)}`);
  f.track(`/api/indicators/${res.body.id}`);
  return res.body.id as string;
}

/** A database session holding (or waiting for) an indicator's advisory lock: a recompute of it (or one about to start). */
export interface IndicatorLock {
  indicatorId: string;
  /** The session's application_name: PGAPPNAME of the process it belongs to. */
  app: string;
  pid: number;
  granted: boolean;
  /** In a transaction and running a statement now. */
  active: boolean;
  /** Its statement reads the responses (the scan a recompute spends its time in). */
  readingResponses: boolean;
  /** How long its statement has been running (ms). */
  statementMs: number;
}

/**
 * The sessions that hold or wait for the advisory lock of one of these indicators, as pg_locks shows them. A recompute
 * takes pg_advisory_lock(hashtextextended(id, 7)) per indicator (AggregationService.recomputeMany): a bigint key, its
 * high half in classid, its low half in objid.
 */
export function indicatorLocks(db: DataSource, indicatorIds: string[]): Promise<IndicatorLock[]> {
  return db.query<IndicatorLock[]>(
    `SELECT i.id AS "indicatorId", a.application_name AS app, a.pid, l.granted,
            (a.state = 'active' AND a.xact_start IS NOT NULL) AS active,
            coalesce(a.query ILIKE '%FROM responses%', false) AS "readingResponses",
            coalesce(extract(epoch FROM clock_timestamp() - a.query_start) * 1000, 0)::float8 AS "statementMs"
       FROM pg_locks l
       JOIN pg_stat_activity a ON a.pid = l.pid
       JOIN unnest($1::uuid[]) i(id) ON l.classid::bigint = ((hashtextextended(i.id::text, 7) >> 32) & 4294967295)
                                    AND l.objid::bigint = (hashtextextended(i.id::text, 7) & 4294967295)
      WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [indicatorIds],
  );
}
