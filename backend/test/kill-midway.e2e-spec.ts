import { Queue } from 'bullmq';
import request from 'supertest';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { indicatorsOf, type EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { redisOptions } from '@backend/queue/redis-options';
import { EVALUATION_QUEUE } from '@backend/queue/queues';
import { assertBuilt, Child, startApi, startWorkers, stopAll } from './support/child-processes';
import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { createIndicator, useQueuePrefix } from './support/indicator-cells';
import { createQuestionnaire, QuestionnaireFixture, removeQuestionnaire } from './support/questionnaire-factory';
import { deleteKeys } from './support/redis-keys';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { GiveUp, waitFor } from './support/wait-for';

// Issue 15, « Kill the workers and the API while an archive, an import confirm and an evaluation freeze run: no
// half-done state ». The built API and workers run as children (as `npm run start:api` / `start:workers` run them) on
// a queue prefix of their own (`<run>-kill`), and are SIGKILLed in the middle of a write.
//
// Being « in the middle » is made certain rather than hoped for: the test holds a lock that the write needs only after
// it has begun writing, waits until PostgreSQL shows the process's session blocked on it with a transaction that has
// already written (pg_stat_activity.backend_xid set: a row changed, not committed), SIGKILLs the process, then lets
// the lock go. A transaction whose COMMIT never came is then rolled back; a write that was not one transaction would
// have committed its first part (the statement the server already had runs to its end) and leave it half done:
//   - archive: the test holds the archiving user's row FOR UPDATE. `UPDATE plans SET archived_at, archived_by` checks
//     the archived_by foreign key (FOR KEY SHARE of that user row) at the end of its statement, so it waits there,
//     the plan row written, before the audit row is inserted;
//   - import confirm: the test holds the questionnaire's version rows FOR UPDATE. The INSERT … SELECT of the staged
//     rows into responses checks the (questionnaire_id, version) foreign key after inserting them, so it waits with
//     every row written;
//   - freeze: the test holds evaluation_events in SHARE mode (inserts wait, reads do not). The freeze's transaction has
//     stored the snapshot and the state (UPDATE evaluations) and waits to insert its « frozen » event.
// Each process's database sessions carry a name of their own (PGAPPNAME), so the test sees what they do.
//
// The tests run in order: the import's plan and questionnaire (with the rows it stored) are those the evaluation freezes.

describe('The API and the workers SIGKILLed in the middle of a write leave nothing half done (issue 15)', () => {
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const prefix = `${process.env.QUEUE_PREFIX}-kill`;
  const sessionName = (what: string) => `${prefix}-${what}`.slice(-63);

  let restoreEnv: () => void;
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let q: QuestionnaireFixture;
  let evaluationQueue: Queue;
  const imports: string[] = [];
  /** The worker processes started, running or not. */
  const workers: Child[] = [];
  const locksHeld = new Set<() => Promise<void>>();

  const childEnv = (app: string) => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PGAPPNAME: app,
  });

  beforeAll(async () => {
    assertBuilt();
    // The harness queues on the children's prefix: an upload, a confirmation or an opened evaluation made through it
    // is a job for the test's workers, and for no other spec's.
    restoreEnv = useQueuePrefix(prefix);
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    q = await createQuestionnaire(t.db, { planId: plan.planId, languages: ['fr', 'en'] });
    evaluationQueue = new Queue(EVALUATION_QUEUE, { connection: redisOptions(redisUrl, 'worker'), prefix: `${prefix}:bull` });
  }, 120_000);

  afterAll(async () => {
    for (const release of [...locksHeld]) await release();
    await stopAll(2_000);
    await evaluationQueue?.resume().catch(() => undefined);
    await evaluationQueue?.close();
    await deleteKeys(redisUrl, prefix);
    for (const id of imports) {
      await t.db.query('DELETE FROM import_chunks WHERE import_id = $1', [id]);
      await t.db.query('DELETE FROM imports WHERE id = $1', [id]);
    }
    if (q) await removeQuestionnaire(t.db, q.questionnaireId);
    await f?.cleanup();
    await t?.close();
    restoreEnv?.();
  }, 120_000);

  // ---- Locks the test holds, and what the children's sessions do. ----

  /** Runs `sql` in a transaction of its own and keeps it open; the returned function rolls it back (once). */
  async function holdLock(sql: string, params: unknown[] = []): Promise<() => Promise<void>> {
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      locksHeld.delete(release);
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    };
    locksHeld.add(release);
    try {
      await runner.query(sql, params);
    } catch (err) {
      await release();
      throw err;
    }
    return release;
  }

  interface Session {
    pid: number;
    waiting: boolean;
    writing: boolean;
    query: string;
  }

  /** The sessions of a process, each: waiting on a lock, in a transaction that has written, its statement. */
  const sessionsOf = (app: string) =>
    t.db.query<Session[]>(
      `SELECT pid, coalesce(wait_event_type = 'Lock', false) AS waiting, backend_xid IS NOT NULL AS writing, coalesce(query, '') AS query
       FROM pg_stat_activity WHERE application_name = $1`,
      [app],
    );

  /** Sessions of `app` caught in a write: a transaction that has written, its statement waiting on the test's lock. */
  const caughtWriting = async (app: string, statement: RegExp) =>
    (await sessionsOf(app)).filter((s) => s.waiting && s.writing && statement.test(s.query));

  /** A SIGKILLed process's sessions end once PostgreSQL finds their client gone: only then is its work settled. */
  const sessionsEnd = (app: string) =>
    waitFor(`the sessions of ${app} to end`, async () => (await sessionsOf(app)).length === 0, { timeoutMs: 60_000, intervalMs: 100 });

  /** For waitFor: gives up at once when a process the test relies on has exited. */
  const alive = (child: Child) => {
    if (!child.running()) throw new GiveUp(`${child.name} exited: ${child.output()}`);
  };

  it('archives each plan whole or not at all when the API is SIGKILLed with archives in flight', async () => {
    // Arrange: plans of their own, an evaluator who archives them, and an API process whose sessions the test can see.
    const PLANS = 300;
    const LANES = 8;
    const archiver = await f.user({ role: 'evaluator' });
    const planIds: string[] = [];
    const endYear = Math.max(2026, new Date().getUTCFullYear());
    for (let i = 0; i < PLANS; i += 1) {
      const res = await t
        .http()
        .post('/api/plans')
        .set(bearer(t.tokens.admin))
        .send({ title: uniqueText('Plan à archiver'), startDate: '2024-01-01', endDate: `${endYear}-12-31` });
      if (res.status !== 201) throw new Error(`POST /api/plans answered ${res.status} ${JSON.stringify(res.body)}`);
      planIds.push(res.body.id as string);
      f.track(`/api/plans/${res.body.id as string}`);
    }
    const apiApp = sessionName('api');
    const api = await startApi('api', childEnv(apiApp));
    const login = await request(api.url).post('/api/auth/login').send({ email: archiver.email, password: archiver.password });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;

    // Act: the plans are archived through the API, LANES at a time. Once the first answers are in, the archiver's row
    // is locked: each archive then in flight waits in its UPDATE of the plan, written, not committed. When every
    // request still unanswered is such a write, the API is SIGKILLed, and the lock let go.
    const status = new Map<string, number>();
    let next = 0;
    let inFlight = 0;
    let killed = false;
    const lane = async () => {
      while (!killed && next < planIds.length) {
        const id = planIds[next];
        next += 1;
        inFlight += 1;
        let code: number;
        try {
          code = (await request(api.url).delete(`/api/plans/${id}`).set(bearer(token)).timeout({ deadline: 60_000 })).status;
        } catch {
          code = 0; // no HTTP answer: the connection was reset or refused
        }
        inFlight -= 1;
        status.set(id, code);
        if (code === 0) return;
      }
    };
    const lanes = Promise.all(Array.from({ length: LANES }, lane));
    let release: (() => Promise<void>) | null = null;
    let caught: Session[];
    let answeredBeforeLock: number;
    try {
      await waitFor('the first archives to be answered', () => status.size >= 5, { timeoutMs: 30_000, intervalMs: 1 });
      release = await holdLock('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [archiver.userId]);
      answeredBeforeLock = status.size;
      caught = await waitFor(
        'every archive in flight to be caught in its write',
        async () => {
          alive(api.child);
          if (inFlight === 0) throw new GiveUp(`no archive left in flight (${status.size} of ${PLANS} answered): the lock came too late`);
          const blocked = await caughtWriting(apiApp, /^\s*UPDATE "plans"/i);
          return blocked.length === inFlight ? blocked : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 5 },
      );
      killed = true;
      await api.child.kill('SIGKILL');
    } finally {
      killed = true;
      await release?.();
      await lanes;
    }
    await sessionsEnd(apiApp);

    // Assert: each plan is archived with who archived it and its one « archive » event, or untouched: never a part.
    const rows = await t.db.query<{ id: string; archived: boolean; archivedBy: string | null; events: number; actors: string[] | null }[]>(
      `SELECT p.id, p.archived_at IS NOT NULL AS archived, p.archived_by AS "archivedBy",
              (SELECT count(*)::int FROM audit_events a WHERE a.entity_type = 'plan' AND a.entity_id = p.id AND a.action = 'archive') AS events,
              (SELECT array_agg(DISTINCT a.actor_id::text) FROM audit_events a WHERE a.entity_type = 'plan' AND a.entity_id = p.id AND a.action = 'archive') AS actors
         FROM plans p WHERE p.id = ANY($1::uuid[])`,
      [planIds],
    );
    expect(rows).toHaveLength(PLANS);
    const whole = (r: (typeof rows)[number]) =>
      r.archived && r.archivedBy === archiver.userId && r.events === 1 && r.actors?.[0] === archiver.userId;
    const untouched = (r: (typeof rows)[number]) => !r.archived && r.archivedBy === null && r.events === 0;
    expect(rows.filter((r) => !whole(r) && !untouched(r))).toEqual([]);
    // Every archive answered 204 is stored; and since every request unanswered at the kill was a write caught before its
    // commit, the archived plans are exactly those answered: the caught writes were rolled back, not finished half.
    expect([...status.values()].filter((code) => code !== 204 && code !== 0)).toEqual([]);
    const answered = planIds.filter((id) => status.get(id) === 204).sort();
    const archived = rows
      .filter(whole)
      .map((r) => r.id)
      .sort();
    expect(archived).toEqual(answered);
    // And the check had something to see: archives done before the kill, and several caught in the middle of theirs.
    expect(answeredBeforeLock).toBeGreaterThanOrEqual(5);
    expect(caught.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter(untouched).length).toBeGreaterThanOrEqual(caught.length);
  }, 180_000);

  const ROWS = 4_000;
  const comment = (i: number) => `ligne ${i}`;

  it('stores every row of a confirmed import exactly once when the worker is SIGKILLed while it writes them', async () => {
    // Arrange: an export of another tool, ROWS responses, each with an identifier and a comment of its own; analysed
    // by a worker process, ready to confirm.
    const label = (id: string) => q.questions.find((x) => x.id === id)!.label.fr;
    const [attended, heardFrom, , satisfaction] = q.questions;
    const commentQuestion = q.questions.find((x) => x.type === 'short_text')!;
    const header = [
      'Horodateur',
      'Identifiant',
      label(attended.id),
      label(heardFrom.id),
      label(satisfaction.id),
      label(commentQuestion.id),
    ];
    const lines = [header.join(';')];
    for (let i = 0; i < ROWS; i += 1) {
      const day = new Date(Date.UTC(2024, 0, 1) + i * 2 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      lines.push([`${day}:00`, `R-${i}`, i % 3 ? 'Oui' : 'Non', i % 2 ? 'Amis' : 'Affiche', String(3 + (i % 3)), comment(i)].join(';'));
    }
    const csv = `${lines.join('\r\n')}\r\n`;
    const first = await startWorkers('workers #1', childEnv(sessionName('workers-1')));
    workers.push(first);
    const upload = await t
      .http()
      .post(`/api/imports?kind=responses&questionnaireId=${q.questionnaireId}&fileName=export.csv`)
      .set(bearer(t.tokens.evaluator))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(upload.status).toBe(202);
    const importId = upload.body.id as string;
    imports.push(importId);
    const importRow = async () =>
      (
        await t.db.query<
          {
            status: string;
            result: { created: number; skipped: number } | null;
            problems: unknown;
            preview: { rows?: number; newRows?: number } | null;
          }[]
        >('SELECT status, result, problems, preview FROM imports WHERE id = $1', [importId])
      )[0];
    await waitFor(
      'the worker to analyse the file',
      async () => {
        alive(first);
        const row = await importRow();
        if (row.status === 'invalid' || row.status === 'failed')
          throw new GiveUp(`the import is ${row.status}: ${JSON.stringify(row.problems)}`);
        return row.status === 'ready';
      },
      { timeoutMs: 60_000 },
    );
    expect((await importRow()).preview).toMatchObject({ rows: ROWS, newRows: ROWS });
    const stored = async () =>
      (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [q.questionnaireId]))[0].n;
    expect(await stored()).toBe(0);

    // Act 1: confirmed; the worker's INSERT of the rows is caught with every row written, uncommitted; SIGKILL.
    const firstApp = sessionName('workers-1');
    const release = await holdLock('SELECT 1 FROM questionnaire_versions WHERE questionnaire_id = $1 FOR UPDATE', [q.questionnaireId]);
    let caught: Session[];
    try {
      await t.http().post(`/api/imports/${importId}/confirm`).set(bearer(t.tokens.evaluator)).expect(202);
      caught = await waitFor(
        'the worker to be writing the rows',
        async () => {
          alive(first);
          const writing = await caughtWriting(firstApp, /INSERT INTO responses/i);
          return writing.length > 0 ? writing : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      await first.kill('SIGKILL');
    } finally {
      await release();
    }
    await sessionsEnd(firstApp);

    // Assert 1: all or nothing: not one row of the rolled-back write is stored, and the import still waits to be written.
    expect(caught).toHaveLength(1);
    expect(await stored()).toBe(0);
    expect(await importRow()).toMatchObject({ status: 'importing', result: null });

    // Act 2: a worker process is started again.
    const second = await startWorkers('workers #2', childEnv(sessionName('workers-2')));
    workers.push(second);

    // Assert 2: the killed job is taken over (or the recovery asks again) and the import ends done, having created
    // every row of the file; each row is stored once, none missing, none twice.
    await waitFor(
      'the import to be written by the new worker',
      async () => {
        alive(second);
        const row = await importRow();
        if (row.status === 'failed' || row.status === 'invalid') throw new GiveUp(`the import is ${row.status}: ${JSON.stringify(row)}`);
        return row.status === 'done';
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    expect((await importRow()).result).toEqual({ created: ROWS, skipped: 0 });
    const [counts] = await t.db.query<{ n: number; keys: number; comments: number; ours: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys, count(DISTINCT response_answers_by_id(questionnaire_id, version, answers)->>$2)::int AS comments,
              count(*) FILTER (WHERE import_id = $3)::int AS ours
         FROM responses WHERE questionnaire_id = $1`,
      [q.questionnaireId, commentQuestion.id, importId],
    );
    expect(counts).toEqual({ n: ROWS, keys: ROWS, comments: ROWS, ours: ROWS });
    const missing = await t.db.query<{ c: string }[]>(
      `SELECT c FROM unnest($2::text[]) c EXCEPT SELECT response_answers_by_id(questionnaire_id, version, answers)->>$3 FROM responses WHERE questionnaire_id = $1`,
      [q.questionnaireId, Array.from({ length: ROWS }, (_, i) => comment(i)), commentQuestion.id],
    );
    expect(missing).toEqual([]);
    // Nothing of it left behind: its staged rows are dropped.
    const staging = await t.db.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'import_staging' AND starts_with(tablename, $1)`, [
      `i_${importId.replace(/-/g, '')}_`,
    ]);
    expect(staging).toEqual([]);
  }, 300_000);

  it('freezes a whole snapshot once when the worker is SIGKILLed in the middle of storing it', async () => {
    // Arrange: the plan's indicators, fed by the imported responses (the freeze reads them at the cut-off), and one
    // worker process of this test's own: the import's, still running, is stopped first (it would take the freeze).
    for (const w of workers) await w.stop(10_000);
    const source = { questionnaireId: q.questionnaireId };
    const [, heardFrom, , satisfaction] = q.questions;
    for (const [name, body] of [
      ['Réponses par mois', { kind: 'response_count', grain: 'month', dimensions: [], source }],
      ['Réponses par trimestre', { kind: 'response_count', grain: 'quarter', dimensions: [], source }],
      [
        'Part venue par des amis',
        { kind: 'answer_share', grain: 'month', dimensions: [], source: { ...source, questionId: heardFrom.id, anyOf: ['friends'] } },
      ],
      [
        'Satisfaction moyenne',
        { kind: 'scale_mean', grain: 'quarter', dimensions: [], source: { ...source, questionId: satisfaction.id } },
      ],
    ] as const) {
      await createIndicator(t.http, t.tokens.admin, f, { objectiveId: plan.objectiveId, name, status: 'active', ...body });
    }
    const [{ indicators }] = await t.db.query<{ indicators: number }[]>(
      'SELECT count(*)::int AS indicators FROM indicators WHERE plan_id = $1',
      [plan.planId],
    );
    expect(indicators).toBe(5);
    const worker = await startWorkers('workers #3', childEnv(sessionName('workers-3')));
    workers.push(worker);
    const workerApp = sessionName('workers-3');
    const cutoff = '2024-12-31';

    // Act 1: the evaluation is opened while its queue is paused, so its freeze starts only once the test holds
    // evaluation_events; the freeze is caught with the snapshot stored, uncommitted, waiting to insert its event; SIGKILL.
    await evaluationQueue.pause();
    let evaluationId: string;
    let release: (() => Promise<void>) | null = null;
    let caught: Session[];
    try {
      const opened = await t
        .http()
        .post(`/api/plans/${plan.planId}/evaluations`)
        .set(bearer(t.tokens.evaluator))
        .send({ kind: 'midterm', cutoff });
      expect({ status: opened.status, body: opened.body as unknown }).toMatchObject({ status: 201 });
      evaluationId = opened.body.id as string;
      release = await holdLock('LOCK TABLE evaluation_events IN SHARE MODE');
      await evaluationQueue.resume();
      caught = await waitFor(
        'the worker to be storing the snapshot',
        async () => {
          alive(worker);
          const writing = await caughtWriting(workerApp, /^\s*INSERT INTO "evaluation_events"/i);
          return writing.length > 0 ? writing : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      await worker.kill('SIGKILL');
    } finally {
      await evaluationQueue.resume();
      await release?.();
    }
    await sessionsEnd(workerApp);
    const evaluation = async () =>
      (
        await t.db.query<
          { state: string; snapshot: EvaluationSnapshot | null; frozenAt: Date | null; frozenEvents: { indicators: number }[] }[]
        >(
          `SELECT e.state, e.snapshot, e.frozen_at AS "frozenAt",
              coalesce((SELECT jsonb_agg(v.detail) FROM evaluation_events v WHERE v.evaluation_id = e.id AND v.action = 'frozen'), '[]') AS "frozenEvents"
         FROM evaluations e WHERE e.id = $1`,
          [evaluationId],
        )
      )[0];

    // Assert 1: the caught transaction was rolled back whole: still freezing, no snapshot, no « frozen » event.
    expect(caught).toHaveLength(1);
    expect(await evaluation()).toEqual({ state: 'freezing', snapshot: null, frozenAt: null, frozenEvents: [] });

    // Act 2: a worker process is started again.
    const again = await startWorkers('workers #4', childEnv(sessionName('workers-4')));
    workers.push(again);

    // Assert 2: the freeze is done once: one « frozen » event, a snapshot of every indicator of the plan, the one a
    // freeze of the same plan and cut-off built here gives (but for the moment it was taken).
    await waitFor(
      'the evaluation to be frozen by the new worker',
      async () => {
        alive(again);
        return (await evaluation()).state !== 'freezing';
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    const frozen = await evaluation();
    expect(frozen.state).toBe('open');
    expect(frozen.frozenEvents).toEqual([expect.objectContaining({ indicators })]);
    const snapshot = frozen.snapshot!;
    expect(indicatorsOf(snapshot)).toHaveLength(indicators);
    expect(new Date(snapshot.frozenAt).getTime()).toBe(frozen.frozenAt!.getTime());
    const here = (await t.app.get(EvaluationFreezerService).buildSnapshot(plan.planId, cutoff))!;
    expect({ ...snapshot, frozenAt: null }).toEqual({ ...here, frozenAt: null });
    // It holds the imported responses: both response counts (cumulative since the plan's start) count every row, as
    // published: the disclosure layer moves a count by at most maxDeviation, the same for the same people (cell key).
    const counts = indicatorsOf(snapshot)
      .filter((i) => i.kind === 'response_count')
      .map((i) => i.value!);
    expect(counts).toHaveLength(2);
    expect(counts[1]).toBe(counts[0]);
    expect(Math.abs(counts[0] - ROWS)).toBeLessThanOrEqual(snapshot.maxDeviation ?? 0);
  }, 300_000);
});
