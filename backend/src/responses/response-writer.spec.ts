import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApiError } from '@backend/common/errors';
import { ResponseRow, ResponseWriter, WriterOptions } from './response-writer';

interface Record {
  questionnaire_id: string;
  idempotency_key: string;
  body_hash: string;
}

/**
 * A database that answers INSERTs with the rows it was given (minus taken keys) and lookups from what it holds.
 * `sent` resolves once an INSERT has reached it, `gate` (when given) holds that INSERT's answer back.
 */
function fakeDb(behaviour: { fail?: (records: Record[]) => Error | null; held?: Record[]; gate?: Promise<void> } = {}) {
  const held = [...(behaviour.held ?? [])];
  const calls: { sql: string; records?: Record[] }[] = [];
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => {
    markSent = resolve;
  });
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    if (sql.includes('INSERT')) {
      const records = JSON.parse(params[0] as string) as Record[];
      calls.push({ sql: 'insert', records });
      markSent();
      await behaviour.gate;
      const error = behaviour.fail?.(records);
      if (error) throw error;
      const fresh = records.filter(
        (r) => !held.some((h) => h.questionnaire_id === r.questionnaire_id && h.idempotency_key === r.idempotency_key),
      );
      held.push(...fresh);
      return fresh.map((r) => ({
        id: `id-${r.idempotency_key}`,
        questionnaire_id: r.questionnaire_id,
        idempotency_key: r.idempotency_key,
        received_at: new Date(0),
        body_hash: r.body_hash,
      }));
    }
    calls.push({ sql: 'lookup' });
    const [qids, keys] = params as [string[], string[]];
    return held
      .filter((h) => keys.some((k, i) => k === h.idempotency_key && qids[i] === h.questionnaire_id))
      .map((h) => ({
        id: `held-${h.idempotency_key}`,
        questionnaire_id: h.questionnaire_id,
        idempotency_key: h.idempotency_key,
        received_at: new Date(0),
        body_hash: h.body_hash,
      }));
  });
  return { db: { query } as unknown as DataSource, calls, sent };
}

const QID = randomUUID();
const row = (overrides: Partial<ResponseRow> = {}): ResponseRow => ({
  questionnaireId: QID,
  version: 1,
  language: 'fr',
  idempotencyKey: randomUUID(),
  bodyHash: 'h1',
  answers: { a: 1 },
  codes: null,
  ...overrides,
});
const WAIT_MS = 5;
const options: Partial<WriterOptions> = { maxWaitMs: WAIT_MS, maxBatch: 100, maxInFlight: 1 };
const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { driverError: { code } });

/** Lets the writer's wait for company (maxWaitMs, on Jest's fake clock) run out, then waits for the work it started. */
async function afterWait<T>(work: Promise<T>, ms = WAIT_MS): Promise<T> {
  await jest.advanceTimersByTimeAsync(ms);
  return work;
}

describe(ResponseWriter.name, () => {
  // The writer waits maxWaitMs for company on a timer: the tests move Jest's clock instead of sleeping, and drop
  // the timers a test leaves (a batch held back on purpose), so nothing is left running at the end.
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });
  // The failures below are made on purpose: their log lines are checked, not printed.
  const logged = () => ({
    error: jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined),
    warn: jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined),
  });

  it('writes what arrives together in one INSERT and gives each request its row', async () => {
    // Arrange
    const { db, calls } = fakeDb();
    const writer = new ResponseWriter(db, options);
    const rows = [row(), row(), row()];
    // Act
    const stored = await afterWait(Promise.all(rows.map((r) => writer.write(r))));
    // Assert
    expect(calls).toEqual([{ sql: 'insert', records: expect.any(Array) }]);
    expect(calls[0].records).toHaveLength(3);
    expect(stored.map((s) => s.id)).toEqual(rows.map((r) => `id-${r.idempotencyKey}`));
  });

  it('waits maxWaitMs for company when idle, then writes what came meanwhile in one INSERT', async () => {
    // Arrange
    const { db, calls } = fakeDb();
    const writer = new ResponseWriter(db, options);
    // Act
    const first = writer.write(row());
    await jest.advanceTimersByTimeAsync(WAIT_MS - 1);
    const second = writer.write(row());
    const before = calls.length;
    await afterWait(Promise.all([first, second]), 1);
    // Assert
    expect(before).toBe(0);
    expect(calls).toEqual([{ sql: 'insert', records: [expect.anything(), expect.anything()] }]);
  });

  it('settles nothing before the INSERT has returned (committed)', async () => {
    // Arrange
    let commit!: () => void;
    const { db, sent } = fakeDb({
      gate: new Promise<void>((resolve) => {
        commit = resolve;
      }),
    });
    const writer = new ResponseWriter(db, options);
    let settled = false;
    // Act: the INSERT is sent, and its answer held back
    const pending = writer.write(row()).then(() => {
      settled = true;
    });
    await afterWait(sent);
    await jest.advanceTimersByTimeAsync(60_000); // however long the commit takes
    // Assert
    expect(settled).toBe(false);
    commit();
    await pending;
    expect(settled).toBe(true);
  });

  it('stores one row for two sends of one key in a batch, and both get it', async () => {
    const { db, calls } = fakeDb();
    const writer = new ResponseWriter(db, options);
    const first = row();
    const [a, b] = await afterWait(Promise.all([writer.write(first), writer.write({ ...first })]));
    expect(calls[0].records).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('looks up the row of a key taken already, with its hash, in one query', async () => {
    // Arrange
    const taken = row({ bodyHash: 'h-new' });
    const { db, calls } = fakeDb({ held: [{ questionnaire_id: QID, idempotency_key: taken.idempotencyKey, body_hash: 'h-old' }] });
    const writer = new ResponseWriter(db, options);
    // Act
    const [old, fresh] = await afterWait(Promise.all([writer.write(taken), writer.write(row())]));
    // Assert
    expect(calls.map((c) => c.sql)).toEqual(['insert', 'lookup']);
    expect(old).toEqual({ id: `held-${taken.idempotencyKey}`, receivedAt: new Date(0), bodyHash: 'h-old' });
    expect(fresh.bodyHash).toBe('h1');
  });

  it('fails the requests of a batch the database refused with 503, and writes the next batch', async () => {
    // Arrange
    let down = true;
    const { db } = fakeDb({ fail: () => (down ? new Error('connection refused') : null) });
    const logs = logged();
    const writer = new ResponseWriter(db, options);
    // Act
    const failed = await afterWait(Promise.allSettled([writer.write(row()), writer.write(row())]));
    down = false;
    const later = await afterWait(writer.write(row()));
    // Assert
    for (const f of failed) {
      expect(f.status).toBe('rejected');
      const err = (f as PromiseRejectedResult).reason as ApiError;
      expect(err.getStatus()).toBe(503);
      expect(err.getResponse()).toMatchObject({ code: 'unavailable' });
    }
    expect(later.id).toMatch(/^id-/);
    expect(logs.error).toHaveBeenCalledWith('Could not store 2 responses: connection refused');
  });

  it('leaves out the one row that breaks an INSERT and stores the others', async () => {
    // Arrange
    const bad = row({ version: 99 }); // a version deleted meanwhile: its foreign key fails
    const { db } = fakeDb({
      fail: (records) => (records.some((r) => (r as unknown as { version: number }).version === 99) ? pgError('23503') : null),
    });
    const writer = new ResponseWriter(db, options);
    const logs = logged();
    // Act
    const results = await afterWait(Promise.allSettled([writer.write(row()), writer.write(bad), writer.write(row())]));
    // Assert
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(logs.warn).toHaveBeenCalledWith('A response could not be stored: pg 23503');
  });

  it('writes what is pending at once on shutdown', async () => {
    // Arrange
    const { db, calls } = fakeDb();
    const writer = new ResponseWriter(db, { ...options, maxWaitMs: 60_000 });
    const pending = writer.write(row());
    // Act
    await writer.beforeApplicationShutdown();
    // Assert
    expect(calls).toHaveLength(1);
    await expect(pending).resolves.toMatchObject({ bodyHash: 'h1' });
  });

  it('refuses at once beyond the pending limit', async () => {
    const { db } = fakeDb({ gate: new Promise(() => undefined) });
    const writer = new ResponseWriter(db, { ...options, maxPending: 1, maxWaitMs: 60_000 });
    void writer.write(row());
    await expect(writer.write(row())).rejects.toMatchObject({ status: 503 });
  });
});
