import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, Queue } from 'bullmq';
import request from 'supertest';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import { redisOptions } from '@backend/queue/redis-options';
import { AGGREGATION_QUEUE, AggregationJob } from '@backend/queue/queues';
import { assertBuilt, Child, ChildEnv, startApi, startWorkers, stopAll } from './support/child-processes';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import {
  allClean,
  Cell,
  cleanCells,
  createIndicator,
  IndicatorLock,
  indicatorLocks,
  responsesOf,
  storedCount,
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

// Issue 14, scale-out as operators run it: two API processes and two worker processes, built as `npm run start:api`
// and `start:workers` run them, on the run's PostgreSQL and one Redis. Residents answer through both APIs (phones
// retrying through the other one, as behind a load balancer), one worker is SIGKILLed in the middle of a recompute,
// then one API and the other worker get the SIGTERM an orchestrator sends. The tests run in order, each on what the
// previous one left: one deployment's life.
//
// The processes share a queue prefix of their own, derived from this file's (`<file's prefix>-scale-out`,
// setup/file-prefix.ts): no other process takes their jobs. The app started in this process (startTestApp)
// is the harness: fixtures, the database, and AggregationService for the recomputes from scratch compared with.

/** What one POST of a response got back. */
interface Answer {
  api: string;
  /** 0: no HTTP answer at all (connection refused or reset). */
  status: number;
  receiptId?: string;
  error?: string;
  /** When its first bytes had been handed to the socket (null: never written). */
  begunAt: number | null;
  /** When the whole request had been. */
  writtenAt: number | null;
  answeredAt: number;
}

/** A resident's response: one Idempotency-Key, one body, sent one or more times. */
interface Resident {
  key: string;
  body: { language: string; version: number; answers: { questionId: string; value: AnswerValue }[] };
  answers: Answer[];
}

interface Api {
  name: string;
  child: Child;
  url: string;
  agent: http.Agent;
}

/** A worker process; `app` is the application_name of its database sessions. */
interface Worker {
  name: string;
  app: string;
  child: Child;
}

/** A span of work a worker process logged (LOG_LEVEL=debug): a run of a job, or a recompute holding its indicator's lock. */
interface Span {
  process: string;
  what: string;
  begin: number;
  end: number | null;
}

describe('Two API processes and two worker processes on one PostgreSQL and one Redis', () => {
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const prefix = `${process.env.QUEUE_PREFIX}-scale-out`;
  /** Each worker process's database sessions carry its name: pg_stat_activity and pg_locks then say whose they are. */
  const sessionName = (n: number) => `${prefix}-workers-${n}`.slice(-63);
  // Responses already stored, all in the current month, the month live traffic changes: each recompute under traffic
  // reads them again, which makes it last long enough (a few hundred ms) to be caught in the middle.
  const SEEDED = 150_000;
  // A request that hangs fails the test: the deadline is a guard, far above what answering takes.
  const DEADLINE_MS = 20_000;

  let restoreEnv: () => void;
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let q: QuestionnaireFixture;
  let ids: SampleIds;
  let queue: Queue;
  let indicatorIds: string[];
  let countId: string;
  const apis: Api[] = [];
  const workers: Worker[] = [];
  const residents: Resident[] = [];

  // ---- What the worker processes say they do (their debug lines), and what PostgreSQL shows of their locks. ----

  const spans: Span[] = [];
  /** Open spans per process and subject, first begun first. */
  const open = new Map<string, Span[]>();
  /** When a worker process was SIGKILLed (see spanEnd: what it had begun and not ended). */
  const killedAt = new Map<string, number>();
  /** When a worker process had exited, however it ended: after that it runs nothing (its sessions: see spanEnd). */
  const exitedAt = new Map<string, number>();

  function record(worker: string, what: string, at: number, edge: 'begins' | 'ends'): void {
    const key = `${worker} ${what}`;
    if (edge === 'begins') {
      const span: Span = { process: worker, what, begin: at, end: null };
      spans.push(span);
      open.set(key, [...(open.get(key) ?? []), span]);
    } else {
      const first = open.get(key)?.shift();
      if (first) first.end = at;
    }
  }

  /** Reads a worker's JSON log line: « job <id> <name> <data> begins|ends », « recompute of <ids> begins|ends ». */
  function onWorkerLine(worker: string, line: string): void {
    let entry: { time?: number; msg?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    if (typeof entry.time !== 'number' || typeof entry.msg !== 'string') return;
    const job = /^job (\S+) (?:(\S+) (.*) )?(begins|ends)$/.exec(entry.msg);
    if (job) {
      const [, id, name, data, edge] = job;
      record(worker, `job ${id}`, entry.time, edge as 'begins' | 'ends');
      // The dedup id the API queues it under (AggregationQueueService): one pending or running job per indicator or questionnaire.
      const dedup = edge === 'begins' ? dedupIdOf(name, data) : jobDedup.get(`${worker} ${id}`);
      if (dedup) {
        jobDedup.set(`${worker} ${id}`, dedup);
        record(worker, `dedup ${dedup}`, entry.time, edge as 'begins' | 'ends');
      }
      return;
    }
    const recompute = /^recompute of (\S+) (begins|ends)$/.exec(entry.msg);
    if (recompute)
      for (const id of recompute[1].split(',')) record(worker, `indicator ${id}`, entry.time, recompute[2] as 'begins' | 'ends');
  }
  const jobDedup = new Map<string, string>();
  function dedupIdOf(name: string, data: string): string | null {
    const payload = JSON.parse(data) as { indicatorId?: string; questionnaireId?: string };
    if (name === AggregationJob.Recompute) return payload.indicatorId ?? null;
    if (name === AggregationJob.RecomputeQuestionnaire) return `questionnaire:${payload.questionnaireId}`;
    return null;
  }

  /**
   * Samples of the advisory locks of the test's indicators held by the workers' sessions. A SIGKILLed process's
   * session can run on in PostgreSQL, its lock held, until its statement ends and the server finds the client gone:
   * the samples say until when at least.
   */
  const lockSamples: { at: number; held: IndicatorLock[] }[] = [];
  let sampling = false;
  let sampler: Promise<void> = Promise.resolve();
  function startSampling(): void {
    sampling = true;
    sampler = (async () => {
      while (sampling) {
        const at = Date.now();
        try {
          const held = (await indicatorLocks(t.db, indicatorIds)).filter((l) => l.granted && workers.some((w) => w.app === l.app));
          if (held.length) lockSamples.push({ at, held });
        } catch {
          // The harness is closing: nothing more to see.
        }
        await sleep(15);
      }
    })();
  }

  // ---- Residents' requests. ----

  /**
   * POSTs a response to one API process over a kept-alive connection, as a phone or a proxy does; never rejects.
   * `slowly`: the phone of a slow network, which sends half of the body, says so, and sends the rest once told.
   */
  function post(api: Api, resident: Resident, slowly?: { halfway: () => void; rest: Promise<void> }): Promise<Answer> {
    const json = Buffer.from(JSON.stringify(resident.body));
    return new Promise<Answer>((resolve) => {
      let begunAt: number | null = null;
      let writtenAt: number | null = null;
      let settled = false;
      const settle = (answer: Omit<Answer, 'api' | 'begunAt' | 'writtenAt' | 'answeredAt'>) => {
        if (settled) return;
        settled = true;
        const full: Answer = { api: api.name, begunAt, writtenAt, answeredAt: Date.now(), ...answer };
        resident.answers.push(full);
        resolve(full);
      };
      const req = http.request(
        `${api.url}/api/public/questionnaires/${q.slug}/responses`,
        {
          method: 'POST',
          agent: api.agent,
          headers: { 'content-type': 'application/json', 'content-length': json.length, 'idempotency-key': resident.key },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => {
            let receiptId: string | undefined;
            try {
              receiptId = (JSON.parse(text) as { id?: string }).id;
            } catch {
              // Not JSON: the status says enough.
            }
            settle({ status: res.statusCode ?? 0, receiptId, error: res.statusCode === 201 ? undefined : text });
          });
          res.on('error', (err: NodeJS.ErrnoException) => settle({ status: 0, error: err.code ?? err.message }));
        },
      );
      req.on('finish', () => {
        writtenAt = Date.now();
        begunAt ??= writtenAt;
      });
      req.on('error', (err: NodeJS.ErrnoException) => settle({ status: 0, error: err.code ?? err.message }));
      req.setTimeout(DEADLINE_MS, () => req.destroy(new Error(`no answer within ${DEADLINE_MS} ms`)));
      if (!slowly) {
        req.end(json);
        return;
      }
      const half = Math.floor(json.length / 2);
      req.write(json.subarray(0, half), () => {
        begunAt = Date.now();
        slowly.halfway();
      });
      void slowly.rest.then(() => req.end(json.subarray(half)));
    });
  }

  const AGES: (AnswerValue | undefined)[] = ['18_24', '25_34', '35_44', '45_54', '65_plus', null, undefined];
  /** A new resident, with answers that vary from one to the next. */
  function newResident(): Resident {
    const n = residents.length;
    const resident: Resident = {
      key: randomUUID(),
      body: {
        language: 'fr',
        version: 1,
        answers: validAnswers(ids, {
          heardFrom: n % 3 === 0 ? 'poster' : 'friends',
          age: AGES[n % AGES.length],
          satisfaction: 3 + (n % 3),
        }),
      },
      answers: [],
    };
    residents.push(resident);
    return resident;
  }

  /** Lanes of residents answering one after another, each lane a phone, until `done()` says stop. */
  function lanes(count: number, done: () => boolean, answer: (lane: number) => Promise<void>, pauseMs = 0): Promise<void> {
    return Promise.all(
      Array.from({ length: count }, async (_, lane) => {
        while (!done()) {
          await answer(lane);
          if (pauseMs) await sleep(pauseMs);
        }
      }),
    ).then(() => undefined);
  }

  /** What the database holds for the residents' keys: the stored rows per key. */
  async function storedByKey(): Promise<Map<string, { id: string }[]>> {
    const rows = await t.db.query<{ key: string; id: string }[]>(
      'SELECT idempotency_key::text AS key, id FROM responses WHERE questionnaire_id = $1 AND idempotency_key = ANY($2::uuid[])',
      [q.questionnaireId, residents.map((r) => r.key)],
    );
    const out = new Map<string, { id: string }[]>();
    for (const row of rows) out.set(row.key, [...(out.get(row.key) ?? []), { id: row.id }]);
    return out;
  }

  /**
   * Every resident answered 201 at least once, every 201 of a key carried the same receipt, and the database holds
   * exactly one row per key, the one of that receipt; nothing else was stored for the questionnaire. Returns the problems.
   */
  async function residentsStoredOnce(): Promise<string[]> {
    const stored = await storedByKey();
    const problems: string[] = [];
    for (const r of residents) {
      const receipts = new Set(r.answers.filter((a) => a.status === 201).map((a) => a.receiptId));
      const rows = stored.get(r.key) ?? [];
      if (receipts.size !== 1) problems.push(`${r.key}: receipts ${JSON.stringify([...receipts])} from ${JSON.stringify(r.answers)}`);
      else if (rows.length !== 1 || rows[0].id !== [...receipts][0])
        problems.push(`${r.key}: stored as ${JSON.stringify(rows)}, receipt ${[...receipts][0]}`);
    }
    const total = await responsesOf(t, q.questionnaireId);
    if (total !== SEEDED + residents.length)
      problems.push(`${total} responses stored for ${SEEDED} seeded and ${residents.length} residents`);
    return problems;
  }

  /** The stored values of every indicator, once they equal a recompute from scratch of the rows as they are now. */
  async function valuesCaughtUp(what: string, running: () => void): Promise<void> {
    const clean = new Map<string, Cell[]>();
    for (const id of indicatorIds) clean.set(id, await cleanCells(t, id));
    await waitFor(
      what,
      async () => {
        running();
        return allClean(t, indicatorIds, clean);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const total = await responsesOf(t, q.questionnaireId);
    expect(await storedCount(t, countId)).toEqual({ months: total, cumulative: total });
  }

  const childEnv = (extra: ChildEnv = {}): ChildEnv => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    // The secret that signs sessions is left to the deployment: drawn by the first API process, kept in the database.
    JWT_SECRET: undefined,
    ...extra,
  });

  /** A worker process whose debug lines (each job, each recompute) are read as it writes them. */
  async function startWorker(n: number): Promise<Worker> {
    const name = `workers #${n}`;
    const app = sessionName(n);
    const child = await startWorkers(name, childEnv({ PGAPPNAME: app, LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }), {
      onLine: (line) => onWorkerLine(name, line),
    });
    const worker = { name, app, child };
    workers.push(worker);
    void child.exited.then(() => exitedAt.set(name, Date.now()));
    return worker;
  }

  /** For waitFor: gives up at once when a process the test relies on has exited. */
  const alive =
    (...children: Child[]) =>
    () => {
      for (const child of children) if (!child.running()) throw new GiveUp(`${child.name} exited: ${child.output()}`);
    };

  /** Aggregation jobs running now for the test's questionnaire or indicators. */
  async function activeJobs(): Promise<Job[]> {
    return (await queue.getActive()).filter(
      (j) =>
        (j.data as { questionnaireId?: string }).questionnaireId === q.questionnaireId ||
        indicatorIds.includes((j.data as { indicatorId?: string }).indicatorId ?? ''),
    );
  }

  /** Waits until one of these worker processes is reading the responses for a recompute it has just begun; returns it. */
  async function catchInTheMiddle(among: Worker[]): Promise<Worker> {
    return waitFor(
      "a worker to be in the middle of a recompute of the test's indicators",
      async () => {
        alive(...among.map((w) => w.child))();
        // The lock held, the transaction on the scan that takes most of a recompute's time, begun a moment ago (so that
        // the rest of the job is still to come), and the job that asked for it active in BullMQ.
        const caught = (await indicatorLocks(t.db, indicatorIds)).find(
          (l) => among.some((w) => w.app === l.app) && l.granted && l.active && l.readingResponses && l.statementMs < 100,
        );
        return caught && (await activeJobs()).length > 0 ? among.find((w) => w.app === caught.app) : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 10 },
    );
  }

  beforeAll(async () => {
    assertBuilt();
    // The harness enqueues on the processes' prefix: the indicators it creates are computed by the workers under test.
    restoreEnv = useQueuePrefix(prefix);
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    const sample = sampleQuestions();
    ids = sample.ids;
    q = await createQuestionnaire(t.db, { planId: plan.planId, versions: [sample.questions] });
    await t.db.query(
      `
      INSERT INTO responses (questionnaire_id, version, language, idempotency_key, answers)
      SELECT $1::uuid, 1, 'fr', gen_random_uuid(),
             response_answers_keyed($1::uuid, 1, jsonb_build_object('${ids.attended}', gs % 5 <> 0, '${ids.heardFrom}', CASE WHEN gs % 3 = 0 THEN 'poster' ELSE 'friends' END,
                                '${ids.satisfaction}', 1 + gs % 5, '${ids.age}', (ARRAY['18_24', '25_34', '35_44', '45_54', '55_64'])[1 + gs % 5]))
        FROM generate_series(1, $2::int) gs`,
      [q.questionnaireId, SEEDED],
    );
    queue = new Queue(AGGREGATION_QUEUE, { connection: redisOptions(redisUrl, 'worker'), prefix: `${prefix}:bull` });

    // Three indicators the questionnaire feeds, with breakdowns.
    const source = { questionnaireId: q.questionnaireId };
    countId = await createIndicator(t.http, t.tokens.admin, f, {
      objectiveId: plan.objectiveId,
      name: 'Réponses par âge',
      kind: 'response_count',
      status: 'active',
      grain: 'month',
      dimensions: ['age_group'],
      source,
    });
    indicatorIds = [
      countId,
      await createIndicator(t.http, t.tokens.admin, f, {
        objectiveId: plan.objectiveId,
        name: 'Part venue par des amis, par âge',
        kind: 'answer_share',
        status: 'active',
        grain: 'month',
        dimensions: ['age_group'],
        source: { ...source, questionId: ids.heardFrom, anyOf: ['friends'] },
      }),
      await createIndicator(t.http, t.tokens.admin, f, {
        objectiveId: plan.objectiveId,
        name: 'Satisfaction moyenne',
        kind: 'scale_mean',
        status: 'active',
        grain: 'quarter',
        dimensions: [],
        source: { ...source, questionId: ids.satisfaction },
      }),
    ];

    // Both APIs start together: they draw the session secret at the same time (the first insert wins).
    const [one, two] = await Promise.all([startApi('api #1', childEnv()), startApi('api #2', childEnv())]);
    apis.push(
      { name: 'api #1', ...one, agent: new http.Agent({ keepAlive: true }) },
      { name: 'api #2', ...two, agent: new http.Agent({ keepAlive: true }) },
    );
    await Promise.all([startWorker(1), startWorker(2)]);
    startSampling();
  }, 240_000);

  afterAll(async () => {
    sampling = false;
    await sampler;
    await stopAll(5_000);
    for (const api of apis) api.agent.destroy();
    await queue?.close();
    await deleteKeys(redisUrl, prefix);
    if (q) await removeQuestionnaire(t.db, q.questionnaireId);
    await f?.cleanup();
    await t?.close();
    restoreEnv?.();
  }, 120_000);

  it('accepts on one API process a session opened on the other, with a secret neither was given', async () => {
    // Arrange: a staff member of the deployment.
    const evaluator = await f.user({ role: 'evaluator' });

    // Act: they sign in through API 1, then the load balancer sends their next request to API 2.
    const login = await request(apis[0].url).post('/api/auth/login').send({ email: evaluator.email, password: evaluator.password });
    expect(login.status).toBe(200);
    const me = await request(apis[1].url)
      .get('/api/auth/me')
      .set(bearer(login.body.accessToken as string));

    // Assert: API 2 knows them; and a token signed with the test process's JWT_SECRET is refused, so the two processes
    // share the deployment's own secret rather than one they were given.
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: evaluator.email, role: 'evaluator' });
    expect((await request(apis[1].url).get('/api/auth/me').set(bearer(t.tokens.admin))).status).toBe(401);
  });

  it('stores every response once through both APIs, and keeps every value right, while a worker is SIGKILLed mid-recompute', async () => {
    // Act: residents answer through both APIs; some phones send again through the other one, at the same time (a
    // retry racing the first send) or after the answer (a retry of an answer that got lost). Meanwhile a worker is
    // caught reading the responses for a recompute and SIGKILLed; residents go on answering a while after.
    let victim: Worker | null = null;
    let afterKill = 0;
    let stop = false;
    const traffic = lanes(
      6,
      () => stop || (victim !== null && afterKill >= 100 && residents.length >= 300),
      async () => {
        const resident = newResident();
        const n = residents.length;
        const [first, other] = n % 2 ? [apis[0], apis[1]] : [apis[1], apis[0]];
        if (n % 4 === 0) await Promise.all([post(first, resident), post(other, resident)]);
        else if (n % 4 === 1) {
          await post(first, resident);
          await post(other, resident);
        } else await post(first, resident);
        if (victim) afterKill += 1;
      },
      5,
    );
    try {
      const caught = await catchInTheMiddle(workers);
      killedAt.set(caught.name, Date.now());
      await caught.child.kill('SIGKILL');
      victim = caught;
    } finally {
      if (!victim) stop = true;
      await traffic;
    }
    const survivor = workers.find((w) => w.child.running())!.child;
    // The dead worker's sessions end once PostgreSQL finds their client gone; until then they hold their locks.
    await waitFor(
      "the killed worker's database sessions to end",
      async () =>
        (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [victim!.app]))[0]
          .n === 0,
      { timeoutMs: 60_000 },
    );

    // Assert: every send answered 201, each key's sends with one receipt, each key stored once, none lost.
    const failed = residents.flatMap((r) => r.answers.filter((a) => a.status !== 201).map((a) => ({ key: r.key, ...a })));
    expect(failed).toEqual([]);
    expect(residents.filter((r) => r.answers.length > 1).length).toBeGreaterThan(50);
    expect(await residentsStoredOnce()).toEqual([]);
    // The jobs the killed worker was running are taken over once their lock expires, and complete.
    const cut = spans.filter((s) => s.process === victim!.name && s.end === null && s.what.startsWith('job '));
    expect(cut.length).toBeGreaterThan(0);
    await waitFor(
      "the killed worker's jobs to complete elsewhere",
      async () => {
        alive(survivor)();
        const states = await Promise.all(cut.map((s) => queue.getJobState(s.what.slice('job '.length))));
        if (states.every((state) => state === 'completed')) return true;
        throw new Error(`they are ${states.join(', ')}`);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // The remaining worker catches up: every value is that of a recompute from scratch, every response counted once.
    await valuesCaughtUp('the values to equal a recompute from scratch', alive(survivor));
  }, 240_000);

  it('answers every request sent to an API process before its SIGTERM, stores what it accepted, then exits cleanly', async () => {
    // Arrange: residents answer through both APIs, many at once, API 1 on kept-alive connections as a proxy's. When the
    // orchestrator signals API 1, the load balancer takes it out of rotation: most lanes send it nothing more but keep
    // their connections open, as a proxy does; a few, the balancer not knowing yet, go on sending to it until it has
    // exited. A request API 1 does not take is sent again through API 2, as a phone does. And one phone, on a slow
    // network, is halfway through sending its response when the signal comes.
    const [api1, api2] = apis;
    let signalAt: number | null = null;
    let api1Gone = false;
    const toApi1: Answer[] = [];
    const retried: Answer[] = [];
    const throughApi1 = async () => {
      const resident = newResident();
      const answer = await post(api1, resident);
      toApi1.push(answer);
      if (answer.status !== 201) retried.push(await post(api2, resident));
    };
    const traffic = Promise.all([
      lanes(48, () => signalAt !== null, throughApi1),
      lanes(4, () => api1Gone, throughApi1),
      lanes(
        4,
        () => api1Gone,
        async () => {
          await post(api2, newResident());
        },
        5,
      ),
    ]);
    let halfway = () => {};
    const halfwayThere = new Promise<void>((resolve) => {
      halfway = resolve;
    });
    let sendTheRest = () => {};
    const rest = new Promise<void>((resolve) => {
      sendTheRest = resolve;
    });
    let slowPhone: Promise<Answer> | undefined;
    try {
      await waitFor('API 1 to be answering residents', () => toApi1.filter((a) => a.status === 201).length >= 300, {
        timeoutMs: 30_000,
        intervalMs: 20,
      });
      slowPhone = post(api1, newResident(), { halfway, rest });
      await halfwayThere;

      // Act: SIGTERM, as `docker stop` sends it, while requests are on their way; SIGKILL only if it has not exited
      // within 30 s, which the assertions below would see. The slow phone sends the rest of its body meanwhile.
      signalAt = Date.now();
      const stopped = api1.child.stop(30_000);
      setTimeout(sendTheRest, 300);
      await stopped;
    } finally {
      signalAt ??= Date.now();
      api1Gone = true;
      sendTheRest();
      await traffic;
    }

    // Assert: each request begun before the signal got its 201 (none reset, none refused), the slow phone's among them,
    // and some of them were answered after it: the process drained what it had, rather than having had nothing to drain.
    const slow = await slowPhone!;
    expect(slow).toMatchObject({ status: 201 });
    expect(slow.writtenAt).toBeGreaterThan(signalAt);
    const before = [...toApi1, slow].filter((a) => a.begunAt !== null && a.begunAt < signalAt!);
    expect(before.filter((a) => a.status !== 201)).toEqual([]);
    expect(before.filter((a) => a.answeredAt >= signalAt!).length).toBeGreaterThan(1);
    // The end of a clean shutdown (Nest raises the signal again once its hooks are done), not the SIGKILL of the grace
    // period: the shutdown did not wait for the clients to close connections they keep (the slow phone's, a proxy's).
    expect(await api1.child.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(api1.child.output()).not.toMatch(/Error happened during shutdown/);
    // What API 1 took after the signal is stored; what it did not take was sent again through API 2 and stored there:
    // every resident has one row, the one of their receipt.
    expect(retried.filter((a) => a.status !== 201)).toEqual([]);
    expect(await residentsStoredOnce()).toEqual([]);
  }, 120_000);

  it('lets a worker finish its job on SIGTERM; the job is not lost, and a new worker brings every value up to date', async () => {
    // Arrange: residents answer through API 2; the remaining worker is caught at the start of a recompute.
    const [, api2] = apis;
    const worker = workers.find((w) => w.child.running())!;
    const survivor = worker.child;
    let stop = false;
    const traffic = lanes(
      3,
      () => stop,
      async () => {
        await post(api2, newResident());
      },
      20,
    );
    let signalAt = 0;
    try {
      await catchInTheMiddle([worker]);

      // Act: SIGTERM, then a worker process started again, as an orchestrator replaces one.
      signalAt = Date.now();
      await survivor.stop(60_000);
    } finally {
      stop = true;
      await traffic;
    }

    // Assert: it exited cleanly, having finished the job it was running (or handed it back to the queue).
    expect(await survivor.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(survivor.output()).not.toMatch(/Error happened during shutdown/);
    const running = spans.filter(
      (s) => s.process === worker.name && s.what.startsWith('job ') && s.begin <= signalAt && (s.end === null || s.end >= signalAt),
    );
    expect(running.length).toBeGreaterThan(0);
    for (const span of running) expect(['completed', 'waiting']).toContain(await queue.getJobState(span.what.slice('job '.length)));
    expect(await residentsStoredOnce()).toEqual([]);

    const restarted = await startWorker(3);
    await valuesCaughtUp('a new worker to bring the values up to date', alive(restarted.child));
    for (const span of running) expect(await queue.getJobState(span.what.slice('job '.length))).toBe('completed');
  }, 180_000);

  it('never ran a job, nor a recompute of an indicator, twice at the same time', () => {
    // How a double run would show: each worker process logs when a job begins and ends (AggregationProcessor), and
    // when a recompute has taken its indicators' advisory locks and when it is about to let them go
    // (AggregationService.recomputeMany). Two spans of one subject that overlap are two runs at the same time:
    //   - `job <id>`: BullMQ gave a job to a second worker while the first still ran it (a lock that expired under a
    //     blocked event loop, a stall detection gone wrong);
    //   - `dedup <id>`: two jobs asking for the same recompute ran at once (deduplication lost, keepLastIfActive gone);
    //   - `indicator <id>`: two recomputes of one indicator overlapped, in one process (concurrency 2) or in two: the
    //     advisory lock missing, taken inside the transaction, or on another connection than the one that writes.
    // A SIGKILLed process logs no end: its jobs ended when it died; its recomputes' sessions may have run on in
    // PostgreSQL, lock held, until the server found the client gone: they count as running until the last sample of
    // pg_locks that still saw that lock held by its session.
    const lastHeld = (worker: string, indicatorId: string) => {
      const app = workers.find((w) => w.name === worker)!.app;
      return Math.max(...lockSamples.filter((s) => s.held.some((l) => l.app === app && l.indicatorId === indicatorId)).map((s) => s.at), 0);
    };
    const spanEnd = (s: Span): number => {
      if (s.end !== null) return s.end;
      // A job it gave back on SIGTERM has no end line: it ran until the process exited.
      const killed = killedAt.get(s.process) ?? exitedAt.get(s.process);
      if (killed === undefined) return Infinity; // still running (the last worker)
      return s.what.startsWith('indicator ') ? Math.max(killed, lastHeld(s.process, s.what.slice('indicator '.length))) : killed;
    };
    const overlaps: string[] = [];
    const bySubject = new Map<string, Span[]>();
    for (const s of spans) bySubject.set(s.what, [...(bySubject.get(s.what) ?? []), s]);
    for (const [what, list] of bySubject) {
      const sorted = [...list].sort((a, b) => a.begin - b.begin);
      let latest = sorted[0];
      for (const s of sorted.slice(1)) {
        // The end line is written before the lock is let go and the begin line after it is taken: a correct handover
        // has begin >= end (equal within the millisecond).
        if (s.begin < spanEnd(latest))
          overlaps.push(
            `${what}: ${s.process} began at ${s.begin} while ${latest.process} ran it since ${latest.begin} until ${spanEnd(latest)}`,
          );
        if (spanEnd(s) > spanEnd(latest)) latest = s;
      }
    }
    expect(overlaps).toEqual([]);

    // And the check had something to see: recomputes of the test's indicators by more than one worker process, a run
    // cut by the SIGKILL, and samples of the locks the workers' sessions held.
    const recomputes = spans.filter((s) => indicatorIds.some((id) => s.what === `indicator ${id}`));
    expect(new Set(recomputes.map((s) => s.process)).size).toBeGreaterThanOrEqual(2);
    expect(spans.some((s) => killedAt.has(s.process) && s.end === null)).toBe(true);
    expect(lockSamples.length).toBeGreaterThan(0);
  });
});
