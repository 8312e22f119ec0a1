import { Logger } from '@nestjs/common';
import type { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import type { ImportFilesService } from './import-files.service';
import { MAX_PROBLEMS, type ImportKind, type ImportStatus } from './import-kind';
import { ProblemList, type ImportProblem } from './import-problem';
import { ImportRunnerService, KEEP_UNCONFIRMED_DAYS } from './import-runner.service';
import type { Import, ImportProgress, ImportResult } from './import.entity';
import type { AnalysisRecord, ImportsRepository, ImportTransaction } from './imports.repository';
import type { PlanImportService } from './plan-table/plan-import.service';
import type { ResponsesImportService } from './responses/responses-import.service';
import type { WorkCellImportService } from './work-cell-fiche/work-cell-import.service';

// The rules of ImportRunnerService (the workers' side) against a fake repository: an analysis lands only on the
// generation it was asked for; ready or invalid by its problems; a confirmed import is written all or nothing, or sent
// back to the preview; staged responses lost are read again once; what is left behind is swept. The SQL itself is the
// e2e tests' (imports*, kill-midway).

const Q = 'questionnaire';

// The runner's warnings (staged rows lost, imports swept) are expected here.
beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

const problem = (n: number): ImportProblem => ({ row: n, column: 'A', code: 'bad', message: `row ${n}` });
function problems(n: number): ProblemList {
  const list = new ProblemList(n + 1);
  for (let i = 1; i <= n; i += 1) list.add(problem(i));
  return list;
}

type Reading = { format: Import['format']; preview: Record<string, unknown> | null; problems: ProblemList };
type Written = ImportResult | { problems: ProblemList } | null;

/** The imports table in memory (each transaction all or nothing), the advisory locks, the staging tables. */
class FakeRepository {
  rows = new Map<string, Import>();
  progress: ImportProgress[] = [];
  staging = new Set<string>();
  dropped: string[] = [];
  unconfirmedFor = new Map<string, number>();
  private locks = new Map<string, Promise<unknown>>();
  private next = 0;

  add(kind: ImportKind, status: ImportStatus, more: Partial<Import> = {}): Import {
    this.next += 1;
    const imp = {
      id: `imp${this.next}`,
      kind,
      status,
      size: 100,
      generation: 0,
      options: kind === 'responses' ? { questionnaireId: Q } : {},
      preview: null,
      problems: [],
      problemCount: 0,
      result: null,
      format: null,
      error: null,
      ...more,
    } as Import;
    this.rows.set(imp.id, imp);
    return imp;
  }

  async alone<T>(id: string, step: () => Promise<T>): Promise<T> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const mine = before.then(step, step);
    this.locks.set(
      id,
      mine.catch(() => undefined),
    );
    return mine;
  }

  async transaction<T>(work: (tx: ImportTransaction) => Promise<T>): Promise<T> {
    const rows = new Map([...this.rows].map(([id, r]) => [id, { ...r }]));
    try {
      return await work(this.tx);
    } catch (err) {
      this.rows = rows;
      throw err;
    }
  }

  private readonly tx = {
    em: {},
    lockStatus: async (id: string, generation: number) => {
      const r = this.rows.get(id);
      return r && r.generation === generation ? r.status : undefined;
    },
    markInvalid: async (id: string, items: ImportProblem[], count: number) => {
      Object.assign(this.rows.get(id) as Import, { status: 'invalid', problems: items, problemCount: count });
    },
    markDone: async (id: string, result: ImportResult) => {
      Object.assign(this.rows.get(id) as Import, { status: 'done', result });
    },
  } as unknown as ImportTransaction;

  findAt = async (id: string, generation: number, status: ImportStatus) => {
    const r = this.rows.get(id);
    return r && r.generation === generation && r.status === status ? { ...r } : null;
  };
  recordAnalysis = async (id: string, generation: number, a: AnalysisRecord) => {
    const r = this.rows.get(id);
    if (!r || r.generation !== generation || r.status !== 'analyzing') return false;
    Object.assign(r, { status: a.status, format: a.format, preview: a.preview, problems: a.problems, problemCount: a.problemCount });
    return true;
  };
  setProgress = async (_id: string, _generation: number, p: ImportProgress) => void this.progress.push(p);
  deleteUnconfirmed = async (days: number) => {
    const gone = [...this.rows.values()]
      .filter((r) => ['ready', 'invalid', 'failed'].includes(r.status) && (this.unconfirmedFor.get(r.id) ?? 0) > days)
      .map((r) => r.id);
    for (const id of gone) this.rows.delete(id);
    return gone;
  };
  orphanStagingTables = async () => [...this.staging].filter((t) => !this.rows.has(t.split('_')[1]));
  dropStagingTable = async (t: string) => {
    this.staging.delete(t);
    this.dropped.push(t);
  };
  fail = async (id: string, generation: number, reason: string) => {
    const r = this.rows.get(id);
    if (r && r.generation === generation && ['analyzing', 'importing'].includes(r.status))
      Object.assign(r, { status: 'failed', error: reason });
  };
}

function setup() {
  const repo = new FakeRepository();
  const log: string[] = [];
  const reading = (r: Partial<Reading> = {}): Reading => ({ format: 'csv', preview: { rows: 2 }, problems: new ProblemList(), ...r });
  const plans = {
    read: jest.fn(async () => reading()),
    commit: jest.fn(async (): Promise<Written> => ({ planId: 'p', created: 3, skipped: 0 })),
  };
  const workCells = {
    read: jest.fn(async () => reading()),
    commit: jest.fn(async (): Promise<Written> => ({ workCellId: 'w', created: 1, skipped: 2 })),
  };
  const responses = {
    analyze: jest.fn(async (_imp: Import, onBytes: (n: number) => void) => {
      onBytes(100);
      return { ...reading(), staged: 2 };
    }),
    commit: jest.fn(async (_tx: unknown, _imp: Import, _staged: number): Promise<Written> => ({ created: 2, skipped: 0 })),
    discardStaging: jest.fn(async (id: string) => void log.push(`discardStaging ${id}`)),
  };
  const files = { discard: jest.fn(async (_em: unknown, id: string) => void log.push(`discard file ${id}`)) };
  const aggregation = { questionnaireChanged: jest.fn(async (q: string) => void log.push(`recompute ${q}`)) };
  const runner = new ImportRunnerService(
    repo as unknown as ImportsRepository,
    files as unknown as ImportFilesService,
    plans as unknown as PlanImportService,
    workCells as unknown as WorkCellImportService,
    responses as unknown as ResponsesImportService,
    aggregation as unknown as AggregationQueueService,
  );
  return { repo, runner, plans, workCells, responses, files, aggregation, log, reading };
}

describe('ImportRunnerService.analyze', () => {
  it.each([
    ['plan', 'plans'],
    ['work-cell', 'workCells'],
    ['responses', 'responses'],
  ] as const)('a %s file is read by its own reader; no problem: ready, with its preview', async (kind, reader) => {
    const s = setup();
    const imp = s.repo.add(kind, 'analyzing');
    expect(await s.runner.analyze(imp.id, 0)).toBe(true);
    expect(s.repo.rows.get(imp.id)).toMatchObject({ status: 'ready', format: 'csv', preview: { rows: 2 }, problems: [], problemCount: 0 });
    const readers = { plans: s.plans.read, workCells: s.workCells.read, responses: s.responses.analyze };
    for (const [name, fn] of Object.entries(readers)) expect(fn).toHaveBeenCalledTimes(name === reader ? 1 : 0);
  });

  it('problems: invalid, every one counted, at most MAX_PROBLEMS kept', async () => {
    const s = setup();
    s.plans.read.mockResolvedValue(s.reading({ problems: problems(MAX_PROBLEMS + 5), preview: null }));
    const imp = s.repo.add('plan', 'analyzing');
    await s.runner.analyze(imp.id, 0);
    const row = s.repo.rows.get(imp.id) as Import;
    expect([row.status, row.problemCount, row.problems.length, row.problems[0]]).toEqual([
      'invalid',
      MAX_PROBLEMS + 5,
      MAX_PROBLEMS,
      problem(1),
    ]);
  });

  it('nothing to do for another generation, another status or an import gone: the file is not read', async () => {
    const s = setup();
    const older = s.repo.add('plan', 'analyzing', { generation: 2 });
    const ready = s.repo.add('plan', 'ready');
    expect([await s.runner.analyze(older.id, 1), await s.runner.analyze(ready.id, 0), await s.runner.analyze('gone', 0)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(s.plans.read).not.toHaveBeenCalled();
  });

  it('options changed while reading: the older analysis leaves no trace, and its staged responses go', async () => {
    const s = setup();
    const imp = s.repo.add('responses', 'analyzing');
    s.responses.analyze.mockImplementation(async () => {
      Object.assign(s.repo.rows.get(imp.id) as Import, { generation: 1 });
      return { ...s.reading({ preview: { rows: 9 } }), staged: 9 };
    });
    expect(await s.runner.analyze(imp.id, 0)).toBe(false);
    expect(s.repo.rows.get(imp.id)).toMatchObject({ status: 'analyzing', generation: 1, preview: null });
    expect(s.log).toEqual([`discardStaging ${imp.id}`]);
  });

  it('reports its progress for the progress bar, the last bytes always', async () => {
    const s = setup();
    s.responses.analyze.mockImplementation(async (_imp, onBytes) => {
      for (const n of [10, 20, 30, 100]) onBytes(n);
      return { ...s.reading(), staged: 1 };
    });
    const imp = s.repo.add('responses', 'analyzing');
    await s.runner.analyze(imp.id, 0);
    // The first call, then none within PROGRESS_EVERY_MS, then the end.
    expect(s.repo.progress).toEqual([
      { done: 10, total: 100 },
      { done: 100, total: 100 },
    ]);
  });

  it('one step of an import at a time: a second request waits, then finds the analysis done', async () => {
    const s = setup();
    const imp = s.repo.add('plan', 'analyzing');
    const both = await Promise.all([s.runner.analyze(imp.id, 0), s.runner.analyze(imp.id, 0)]);
    expect(both).toEqual([true, false]);
    expect(s.plans.read).toHaveBeenCalledTimes(1);
  });
});

describe('ImportRunnerService.commit', () => {
  it('writes a confirmed plan: done with its result, its file dropped', async () => {
    const s = setup();
    const imp = s.repo.add('plan', 'importing');
    expect(await s.runner.commit(imp.id, 0)).toBe(true);
    expect(s.repo.rows.get(imp.id)).toMatchObject({ status: 'done', result: { planId: 'p', created: 3, skipped: 0 } });
    expect(s.log).toEqual([`discard file ${imp.id}`]);
    expect(s.aggregation.questionnaireChanged).not.toHaveBeenCalled();
  });

  it('a work cell likewise, by its own writer', async () => {
    const s = setup();
    const imp = s.repo.add('work-cell', 'importing');
    await s.runner.commit(imp.id, 0);
    expect(s.repo.rows.get(imp.id)).toMatchObject({ status: 'done', result: { workCellId: 'w', created: 1, skipped: 2 } });
    expect(s.plans.commit).not.toHaveBeenCalled();
  });

  it('responses: the staged rows counted at the preview are written, then staging dropped and the indicators recomputed', async () => {
    const s = setup();
    const imp = s.repo.add('responses', 'importing', { preview: { rows: 1234 } });
    await s.runner.commit(imp.id, 0);
    expect(s.responses.commit.mock.calls[0][2]).toBe(1234);
    expect(s.repo.rows.get(imp.id)?.status).toBe('done');
    expect(s.log).toEqual([`discard file ${imp.id}`, `discardStaging ${imp.id}`, `recompute ${Q}`]);
  });

  it('something changed since the preview (the writer finds problems): back to invalid, the file kept', async () => {
    const s = setup();
    s.plans.commit.mockResolvedValue({ problems: problems(2) });
    const imp = s.repo.add('plan', 'importing');
    expect(await s.runner.commit(imp.id, 0)).toBe(true);
    expect(s.repo.rows.get(imp.id)).toMatchObject({ status: 'invalid', problemCount: 2, problems: [problem(1), problem(2)] });
    expect(s.files.discard).not.toHaveBeenCalled();
  });

  it('not confirmed, or at another generation: nothing written', async () => {
    const s = setup();
    const ready = s.repo.add('plan', 'ready');
    const newer = s.repo.add('plan', 'importing', { generation: 1 });
    expect([await s.runner.commit(ready.id, 0), await s.runner.commit(newer.id, 0)]).toEqual([false, false]);
    expect(s.plans.commit).not.toHaveBeenCalled();
  });

  it('the import left importing before the lock was taken (discarded, failed): gone, nothing written', async () => {
    const s = setup();
    const imp = s.repo.add('plan', 'importing');
    s.plans.commit.mockClear();
    const find = s.repo.findAt;
    s.repo.findAt = async (...args) => {
      const seen = await find(...args);
      Object.assign(s.repo.rows.get(imp.id) as Import, { status: 'failed' });
      return seen;
    };
    expect(await s.runner.commit(imp.id, 0)).toBe(false);
    expect([s.plans.commit.mock.calls.length, s.files.discard.mock.calls.length]).toEqual([0, 0]);
  });

  it('a writer that throws leaves the import as it was (importing, for the retry) and its file', async () => {
    const s = setup();
    s.workCells.commit.mockRejectedValue(new Error('killed'));
    const imp = s.repo.add('work-cell', 'importing');
    await expect(s.runner.commit(imp.id, 0)).rejects.toThrow('killed');
    expect(s.repo.rows.get(imp.id)?.status).toBe('importing');
    expect(s.files.discard).not.toHaveBeenCalled();
  });

  it('staged rows lost: the file is read again once, with the new count, then written', async () => {
    const s = setup();
    s.responses.commit.mockResolvedValueOnce(null);
    s.responses.analyze.mockResolvedValue({ ...s.reading({ preview: { rows: 7 } }), staged: 7 });
    const imp = s.repo.add('responses', 'importing', { preview: { rows: 5 } });
    expect(await s.runner.commit(imp.id, 0)).toBe(true);
    expect(s.responses.commit.mock.calls.map((c) => c[2])).toEqual([5, 7]);
    expect(s.repo.rows.get(imp.id)?.status).toBe('done');
  });

  it('staged rows lost and the file now has problems: an error (the job retries, then fails), nothing written', async () => {
    const s = setup();
    s.responses.commit.mockResolvedValueOnce(null);
    s.responses.analyze.mockResolvedValue({ ...s.reading({ problems: problems(1) }), staged: 0 });
    const imp = s.repo.add('responses', 'importing', { preview: { rows: 5 } });
    await expect(s.runner.commit(imp.id, 0)).rejects.toThrow('the file no longer reads as it did at the preview');
    expect(s.responses.commit).toHaveBeenCalledTimes(1);
    expect(s.repo.rows.get(imp.id)?.status).toBe('importing');
  });

  it('staged rows lost twice: an error', async () => {
    const s = setup();
    s.responses.commit.mockResolvedValue(null);
    const imp = s.repo.add('responses', 'importing', { preview: { rows: 5 } });
    await expect(s.runner.commit(imp.id, 0)).rejects.toThrow('the staged rows could not be found twice');
    expect(s.aggregation.questionnaireChanged).not.toHaveBeenCalled();
  });
});

describe('ImportRunnerService.fail and sweep', () => {
  it('fail marks only an import still with the workers at that generation', async () => {
    const s = setup();
    const [a, b, c] = [s.repo.add('plan', 'importing'), s.repo.add('plan', 'done'), s.repo.add('plan', 'analyzing', { generation: 1 })];
    for (const imp of [a, b, c]) await s.runner.fail(imp.id, 0, 'no retry helped');
    expect([a, b, c].map((i) => s.repo.rows.get(i.id)?.status)).toEqual(['failed', 'done', 'analyzing']);
    expect(s.repo.rows.get(a.id)?.error).toBe('no retry helped');
  });

  it(`sweep: imports unconfirmed for more than ${KEEP_UNCONFIRMED_DAYS} days go, and the staging tables of imports gone`, async () => {
    const s = setup();
    const old = s.repo.add('responses', 'ready');
    const recent = s.repo.add('responses', 'invalid');
    const writing = s.repo.add('responses', 'importing');
    s.repo.unconfirmedFor
      .set(old.id, KEEP_UNCONFIRMED_DAYS + 1)
      .set(recent.id, 2)
      .set(writing.id, KEEP_UNCONFIRMED_DAYS + 1);
    s.repo.staging = new Set([`i_${old.id}_rows`, `i_${recent.id}_rows`, `i_${writing.id}_rows`, 'i_deleted_rows']);
    expect(await s.runner.sweep()).toBe(1);
    expect([...s.repo.rows.keys()]).toEqual([recent.id, writing.id]);
    expect(s.repo.dropped).toEqual([`i_${old.id}_rows`, 'i_deleted_rows']);
  });
});
