import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import request from 'supertest';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { adsBlock } from '@backend/questionnaires/ads-block';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import { redisOptions } from '@backend/queue/redis-options';
import { AGGREGATION_QUEUE, AggregationJob, RecomputePayload } from '@backend/queue/queues';
import { assertBuilt, Child, privateRedis, RedisServer, startApi, startWorkers, stopAll } from './support/child-processes';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import {
  allClean,
  Cell,
  cellsDiffer,
  cellsOf,
  cleanCells,
  computationOf,
  createIndicator,
  indicatorLocks,
  responsesOf,
  storedCount,
  storedThenRecomputed,
  useQueuePrefix,
} from './support/indicator-cells';
import {
  createQuestionnaire,
  QuestionnaireFixture,
  removeQuestionnaire,
  sampleQuestions,
  SampleIds,
  validAnswers,
} from './support/questionnaire-factory';
import { deleteKeys } from './support/redis-keys';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { GiveUp, waitFor } from './support/wait-for';

// Issue #4's faults, on the real PostgreSQL and Redis with the built processes: a worker SIGKILLed in the middle of a
// recompute, and Redis stopped while responses arrive. Each test has queue prefixes of its own, so that no other spec's
// workers take its jobs, and ends only the processes it started. The app started in this process (startTestApp) is
// the test's harness: fixtures, the database, and AggregationService for the clean recomputes compared with.

describe('A worker killed with SIGKILL in the middle of a recompute', () => {
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const prefix = `${process.env.QUEUE_PREFIX}-faults-sigkill`;
  /** The workers' database sessions carry a name, so the test sees what each one does in pg_stat_activity. */
  const sessionName = (n: number) => `${prefix}-workers-${n}`.slice(-63);
  // Enough rows that one recompute lasts long enough to be caught in the act.
  const FIRST_ROWS = 1_000;
  const MORE_ROWS = 200_000;

  let restoreEnv: () => void;
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let q: QuestionnaireFixture;
  let ids: SampleIds;
  let queue: Queue<RecomputePayload>;
  const genderId = randomUUID();
  const languageId = randomUUID();

  /**
   * `rows` responses made by PostgreSQL itself (as bench/aggregate does), over two years of the plan, with « prefer not »,
   * unanswered ADS+ questions, a rare category (suppressed cells) and respondents who speak two languages.
   */
  const insertResponses = (rows: number) =>
    t.db.query(
      `
    INSERT INTO responses (questionnaire_id, version, language, answered_at, idempotency_key, answers)
    SELECT $1::uuid, 1, 'fr', '2024-01-01T12:00:00Z'::timestamptz + d.at * interval '729 days', gen_random_uuid(),
           response_answers_keyed($1::uuid, 1, jsonb_build_object('${ids.attended}', d.a < 0.7, '${ids.heardFrom}', CASE WHEN d.h < 0.4 THEN 'friends' ELSE 'poster' END,
                              '${ids.satisfaction}', 1 + floor(d.s * 5)::int)
           || CASE WHEN d.g < 0.03 THEN '{}'::jsonb WHEN d.g < 0.06 THEN jsonb_build_object('${genderId}', 'null'::jsonb)
                   WHEN d.g < 0.06002 THEN jsonb_build_object('${genderId}', 'non_binary')
                   WHEN d.g < 0.55 THEN jsonb_build_object('${genderId}', 'woman') ELSE jsonb_build_object('${genderId}', 'man') END
           || CASE WHEN d.y < 0.05 THEN '{}'::jsonb
                   ELSE jsonb_build_object('${ids.age}', (ARRAY['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'])[1 + floor(d.y * 7)::int]) END
           || CASE WHEN d.l < 0.05 THEN jsonb_build_object('${languageId}', 'null'::jsonb)
                   WHEN d.l < 0.35 THEN jsonb_build_object('${languageId}', jsonb_build_array('fr', 'ar'))
                   ELSE jsonb_build_object('${languageId}', jsonb_build_array((ARRAY['fr', 'en', 'ar', 'es'])[1 + floor(d.l * 4)::int])) END)
      FROM (SELECT gs, random() AS at, random() AS a, random() AS h, random() AS s, random() AS g, random() AS y, random() AS l
              FROM generate_series(1, $2::int) gs OFFSET 0) d`,
      [q.questionnaireId, rows],
    );

  const workersEnv = (n: number) => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PGAPPNAME: sessionName(n),
  });

  beforeAll(async () => {
    assertBuilt();
    // The harness enqueues on the workers' prefix: its AggregationQueueService is how the test asks for recomputes.
    restoreEnv = useQueuePrefix(prefix);
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    const sample = sampleQuestions();
    ids = sample.ids;
    const ads = adsBlock((key) => ({ gender: genderId, language: languageId })[key] ?? randomUUID());
    const adsQuestions = ads.filter((x) => x.id === genderId || x.id === languageId);
    q = await createQuestionnaire(t.db, { planId: plan.planId, versions: [[...sample.questions, ...adsQuestions]] });
    queue = new Queue(AGGREGATION_QUEUE, { connection: redisOptions(redisUrl, 'worker'), prefix: `${prefix}:bull` });
  }, 120_000);

  afterAll(async () => {
    await stopAll(2_000);
    await queue?.close();
    await deleteKeys(redisUrl, prefix);
    if (q) await removeQuestionnaire(t.db, q.questionnaireId);
    await f?.cleanup();
    await t?.close();
    restoreEnv?.();
  }, 120_000);

  it('leaves the previous values whole, then, restarted, stores those of a clean recompute, each response counted once', async () => {
    // Arrange: two indicators with breakdowns, computed here from a first thousand responses: the values « before ».
    const countId = await createIndicator(t.http, t.tokens.admin, f, {
      objectiveId: plan.objectiveId,
      name: 'Réponses par genre, âge et langue',
      kind: 'response_count',
      status: 'active',
      grain: 'quarter',
      dimensions: ['gender', 'age_group', 'language'],
      source: { questionnaireId: q.questionnaireId },
    });
    const shareId = await createIndicator(t.http, t.tokens.admin, f, {
      objectiveId: plan.objectiveId,
      name: 'Part venue par des amis, par genre',
      kind: 'answer_share',
      status: 'active',
      grain: 'quarter',
      dimensions: ['gender'],
      source: { questionnaireId: q.questionnaireId, questionId: ids.heardFrom, anyOf: ['friends'] },
    });
    const indicatorIds = [countId, shareId];
    await insertResponses(FIRST_ROWS);
    for (const id of indicatorIds) await t.app.get(AggregationService).recompute(id);
    const before = new Map<string, { cells: Cell[]; computation: unknown }>();
    for (const id of indicatorIds) before.set(id, { cells: await cellsOf(t, id), computation: await computationOf(t, id) });
    expect(await storedCount(t, countId)).toEqual({ months: FIRST_ROWS, cumulative: FIRST_ROWS });
    // Many more responses arrive; what a complete computation of them gives is worked out here, beside the indicators.
    await insertResponses(MORE_ROWS);
    const total = await responsesOf(t, q.questionnaireId);
    expect(total).toBe(FIRST_ROWS + MORE_ROWS);
    const complete = new Map<string, Cell[]>();
    for (const id of indicatorIds) complete.set(id, await cleanCells(t, id));
    expect(cellsDiffer(complete.get(countId)!, before.get(countId)!.cells)).not.toBeNull();

    // Act 1: the API asks for the recomputes and a worker takes them; it is SIGKILLed while one of them reads the responses.
    const requests = t.app.get(AggregationQueueService);
    await requests.recompute(indicatorIds);
    const worker = await startWorkers('workers #1', workersEnv(1));
    let askedAt = Date.now();
    const caught = await waitFor(
      'the worker to be in the middle of a recompute of one of the indicators',
      async () => {
        // A recompute holds its indicator's advisory lock on the session whose transaction reads the responses.
        const row = (await indicatorLocks(t.db, indicatorIds)).find(
          (l) => l.app === sessionName(1) && l.granted && l.active && l.readingResponses,
        );
        const active = row
          ? (await queue.getActive()).filter((j) => j.name === AggregationJob.Recompute && j.data.indicatorId === row.indicatorId)
          : [];
        if (active.length === 1) return { indicatorId: row!.indicatorId, jobId: active[0].id! };
        // Missed (a slow poll on a busy machine): ask again; a recompute of unchanged rows changes nothing.
        if (Date.now() - askedAt > 3_000) {
          askedAt = Date.now();
          await requests.recompute(indicatorIds);
        }
        return undefined;
      },
      { timeoutMs: 90_000, intervalMs: 20 },
    );
    const atKill = await cellsOf(t, caught.indicatorId);
    await worker.kill('SIGKILL');

    // Assert 1: once the dead worker's sessions are gone, nothing is half-written. The caught indicator has exactly the
    // cells it had; each indicator holds the cells of one whole computation, with that computation's fingerprint.
    await waitFor(
      "the killed worker's database sessions to end",
      async () =>
        (
          await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [sessionName(1)])
        )[0].n === 0,
      { timeoutMs: 60_000 },
    );
    expect(cellsDiffer(await cellsOf(t, caught.indicatorId), atKill)).toBeNull();
    const stale = await t.app.get(AggregationService).stale(plan.planId);
    for (const id of indicatorIds) {
      const cells = await cellsOf(t, id);
      if (cellsDiffer(cells, before.get(id)!.cells) === null) {
        expect(await computationOf(t, id)).toEqual(before.get(id)!.computation);
        expect(stale).toContain(id);
      } else {
        expect(cellsDiffer(cells, complete.get(id)!)).toBeNull();
        expect(stale).not.toContain(id);
      }
    }

    // Act 2: the worker process is started again.
    const restarted = await startWorkers('workers #2', workersEnv(2));

    // Assert 2: the job the dead worker held is taken over and completes; every value is that of a clean recompute.
    await waitFor(
      'the killed job to complete and the values to equal a clean recompute',
      async () => {
        if (!restarted.running()) throw new GiveUp(`the restarted workers exited: ${restarted.output()}`);
        const state = await queue.getJobState(caught.jobId);
        if (state !== 'completed') throw new Error(`the killed job is ${state}`);
        return allClean(t, indicatorIds, complete);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(await storedCount(t, countId)).toEqual({ months: total, cumulative: total });
    for (const id of indicatorIds) {
      const { stored, recomputed } = await storedThenRecomputed(t, id);
      expect(cellsDiffer(stored, recomputed)).toBeNull();
    }
  }, 150_000);
});

describe('Redis stopped while responses arrive, then restarted', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-faults-redis`;
  const harnessPrefix = `${prefix}-harness`;
  const mainRedisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  let redis: RedisServer;
  let restoreEnv: () => void;
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let q: QuestionnaireFixture;
  let ids: SampleIds;
  let api: { child: Child; url: string };
  let worker: Child;

  beforeAll(async () => {
    assertBuilt();
    redis = await privateRedis();
    // The harness stays on the run's Redis; the API and the workers under test share the private one.
    restoreEnv = useQueuePrefix(harnessPrefix);
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    const sample = sampleQuestions();
    ids = sample.ids;
    q = await createQuestionnaire(t.db, { planId: plan.planId, versions: [sample.questions] });
    const env = { DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: redis.url, QUEUE_PREFIX: prefix };
    api = await startApi('api', env);
    worker = await startWorkers('workers', env);
  }, 120_000);

  afterAll(async () => {
    await stopAll(5_000);
    if (q) await removeQuestionnaire(t.db, q.questionnaireId);
    await f?.cleanup();
    await t?.close();
    await deleteKeys(mainRedisUrl, harnessPrefix);
    await redis?.close();
    restoreEnv?.();
  }, 120_000);

  const http = () => request(api.url);
  // A request that hangs fails the test: the deadline is a guard, far above what answering takes.
  const DEADLINE = { deadline: 20_000 };
  const AGES: (AnswerValue | undefined)[] = ['18_24', '25_34', '35_44', '45_54', null, undefined];
  let sent = 0;

  /** A resident sends a response to the API under test; resolves with the status. */
  async function respond(): Promise<number> {
    sent += 1;
    const n = sent;
    const answers = validAnswers(ids, { heardFrom: n % 3 === 0 ? 'poster' : 'friends', age: AGES[n % AGES.length] });
    try {
      const res = await http()
        .post(`/api/public/questionnaires/${q.slug}/responses`)
        .set('Idempotency-Key', randomUUID())
        .timeout(DEADLINE)
        .send({ language: 'fr', version: 1, answers });
      return res.status;
    } catch (err) {
      throw new Error(`response #${n} got no answer: ${(err as Error).message}`, { cause: err });
    }
  }
  /** `count` responses, `parallel` at a time (so several share a batch). */
  async function respondMany(count: number, parallel = 5): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i += parallel) {
      statuses.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, () => respond()))));
    }
    return statuses;
  }

  it('stores every response while Redis is down, and within a minute of its return every value is right', async () => {
    // Arrange: two indicators fed by the questionnaire; while Redis is up, the responses reach them through the queue.
    const countId = await createIndicator(http, t.tokens.admin, f, {
      objectiveId: plan.objectiveId,
      name: 'Réponses par âge',
      kind: 'response_count',
      status: 'active',
      grain: 'month',
      dimensions: ['age_group'],
      source: { questionnaireId: q.questionnaireId },
    });
    const shareId = await createIndicator(http, t.tokens.admin, f, {
      objectiveId: plan.objectiveId,
      name: 'Part venue par des amis, par âge',
      kind: 'answer_share',
      status: 'active',
      grain: 'month',
      dimensions: ['age_group'],
      source: { questionnaireId: q.questionnaireId, questionId: ids.heardFrom, anyOf: ['friends'] },
    });
    const indicatorIds = [countId, shareId];
    expect(await respondMany(12)).toEqual(Array(12).fill(201));
    await waitFor('the workers to count the first responses', async () => (await storedCount(t, countId)).cumulative === 12, {
      timeoutMs: 60_000,
    });

    // Act 1: Redis goes away; residents keep answering.
    await redis.kill();
    const health = await http().get('/api/health').timeout(DEADLINE);
    const statuses = await respondMany(30);

    // Assert 1: the API saw Redis go, stored every response all the same (none refused, none left hanging), and its
    // queue fails fast instead of waiting; the values, behind now, are still served.
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ database: 'up', redis: 'down' });
    expect(statuses).toEqual(Array(30).fill(201));
    const total = await responsesOf(t, q.questionnaireId);
    expect(total).toBe(42);
    const board = await http().get('/api/admin/queues').set(bearer(t.tokens.admin)).timeout(DEADLINE);
    expect(board.status).toBe(503);
    expect((await storedCount(t, countId)).cumulative).toBeLessThan(total);
    await http().get(`/api/indicators/${countId}/values`).set(bearer(t.tokens.committee)).timeout(DEADLINE).expect(200);
    expect(worker.running()).toBe(true);
    const complete = new Map<string, Cell[]>();
    for (const id of indicatorIds) complete.set(id, await cleanCells(t, id));

    // Act 2: Redis comes back on the same port, empty.
    await redis.start();

    // Assert 2: within a minute the values are those of a clean recompute, and every response is counted once.
    await waitFor(
      "the values to equal a clean recompute within a minute of Redis's return",
      async () => {
        if (!worker.running()) throw new GiveUp(`the workers exited: ${worker.output()}`);
        return allClean(t, indicatorIds, complete);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(await storedCount(t, countId)).toEqual({ months: total, cumulative: total });
    const values = await http()
      .get(`/api/indicators/${countId}/values?grain=year&view=unpublished`)
      .set(bearer(t.tokens.evaluator))
      .timeout(DEADLINE)
      .expect(200);
    expect(values.body.at(-1)).toMatchObject({ cumulativeValue: total, cumulativeN: total });
    for (const id of indicatorIds) {
      const { stored, recomputed } = await storedThenRecomputed(t, id);
      expect(cellsDiffer(stored, recomputed)).toBeNull();
    }
    // And the API's own queue works again.
    await waitFor(
      'the API to read its queues again',
      async () => (await http().get('/api/admin/queues').set(bearer(t.tokens.admin)).timeout(DEADLINE)).status === 200,
      { timeoutMs: 60_000 },
    );
  }, 150_000);

  it('lets the API stop cleanly while Redis is away, after storing what it was given', async () => {
    // Arrange: Redis gone again, a response stored meanwhile.
    await redis.kill();
    const before = await responsesOf(t, q.questionnaireId);
    expect(await respond()).toBe(201);

    // Act
    await api.child.stop(30_000);

    // Assert: the end of a clean shutdown — Nest raises the signal again once its hooks are done — not code 1 after
    // a failed one, nor the SIGKILL of the grace period; and the response kept.
    expect(await api.child.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(api.child.output()).not.toMatch(/Error happened during shutdown/);
    expect(await responsesOf(t, q.questionnaireId)).toBe(before + 1);
  }, 60_000);
});
