import 'reflect-metadata';
import type { AuditEntry } from '@backend/audit/audit.service';
import { PLAN_WRITERS, ROLES_KEY } from '@backend/auth/auth.decorators';
import type { AuthUser } from '@backend/auth/auth.decorators';
import type { ApiError } from '@backend/common/errors';
import type { ImportOptionsDto } from './dto/import-options.dto';
import type { ImportFilesService } from './import-files.service';
import type { ImportKind, ImportStatus } from './import-kind';
import type { ImportQueueService } from './import-queue.service';
import type { Import } from './import.entity';
import { ImportsController } from './imports.controller';
import type { ImportsRepository, ImportTransaction } from './imports.repository';
import { ImportsService } from './imports.service';
import type { ResponsesImportService } from './responses/responses-import.service';

// The rules of ImportsService against a fake repository: who may act, what is checked before a file is stored, how
// options and confirmation move an import between statuses (and only at the generation the user saw), what is audited,
// what is asked of the workers. The SQL itself is the e2e tests' (imports*).

const USER = { id: 'staff', email: 'staff@example.org', role: 'evaluator' } as AuthUser;
const Q = '00000000-0000-4000-8000-00000000000q';

/** The imports table in memory; each transaction all or nothing, like PostgreSQL's. */
class FakeRepository {
  rows = new Map<string, Import>();
  questionnaires = new Set<string>([Q]);
  audits: AuditEntry[] = [];
  private next = 0;

  add(kind: ImportKind, status: ImportStatus, more: Partial<Import> = {}): Import {
    this.next += 1;
    const imp = {
      id: `imp${this.next}`,
      kind,
      status,
      fileName: 'f.csv',
      size: 10,
      format: 'csv',
      generation: 0,
      options: kind === 'responses' ? { questionnaireId: Q } : {},
      progress: null,
      preview: { rows: 3 },
      problems: [],
      problemCount: 0,
      result: null,
      error: null,
      createdById: USER.id,
      createdAt: new Date(this.next * 1000),
      ...more,
    } as Import;
    this.rows.set(imp.id, imp);
    return imp;
  }

  async transaction<T>(work: (tx: ImportTransaction) => Promise<T>): Promise<T> {
    const rows = new Map([...this.rows].map(([id, r]) => [id, { ...r }]));
    const audits = [...this.audits];
    try {
      return await work(this.tx);
    } catch (err) {
      this.rows = rows;
      this.audits = audits;
      throw err;
    }
  }

  private readonly tx = {
    em: {},
    create: async (values: Partial<Import>) => this.add(values.kind as ImportKind, 'analyzing', { ...values, preview: null }),
    setSize: async (id: string, size: number) => {
      (this.rows.get(id) as Import).size = size;
    },
    // Mirrors the UPDATE's guard: not once importing or done.
    reanalyze: async (id: string, options: Record<string, unknown>) => {
      const r = this.rows.get(id);
      if (!r || !['analyzing', 'ready', 'invalid', 'failed'].includes(r.status)) return null;
      const before = r.options;
      Object.assign(r, { options, generation: r.generation + 1, status: 'analyzing', preview: null, problems: [], problemCount: 0 });
      return { generation: r.generation, before };
    },
    confirm: async (id: string, generation: number) => {
      const r = this.rows.get(id);
      if (!r || r.status !== 'ready' || r.generation !== generation) return false;
      r.status = 'importing';
      return true;
    },
    audit: async (entry: AuditEntry) => {
      this.audits.push(entry);
    },
  } as unknown as ImportTransaction;

  questionnaireExists = async (id: string) => this.questionnaires.has(id);
  find = async (id: string) => {
    const r = this.rows.get(id);
    return r ? { ...r } : null;
  };
  list = async (kind: ImportKind | undefined, skip: number, take: number): Promise<[Import[], number]> => {
    const all = [...this.rows.values()].filter((r) => !kind || r.kind === kind).sort((a, b) => +b.createdAt - +a.createdAt);
    return [all.slice(skip, skip + take).map((r) => ({ ...r })), all.length];
  };
  delete = async (id: string) => {
    this.rows.delete(id);
  };
}

function setup() {
  const repo = new FakeRepository();
  const asked: string[] = [];
  const discarded: string[] = [];
  const files = {
    store: async (_em: unknown, _id: string, body: AsyncIterable<Buffer | string>) => {
      let size = 0;
      for await (const part of body) size += Buffer.byteLength(part);
      return size;
    },
  } as unknown as ImportFilesService;
  const queue = {
    analyze: async (id: string, generation: number) => void asked.push(`analyze ${id} ${generation}`),
    commit: async (id: string, generation: number) => void asked.push(`commit ${id} ${generation}`),
  } as ImportQueueService;
  const responses = { discardStaging: async (id: string) => void discarded.push(id) } as ResponsesImportService;
  const service = new ImportsService(repo as unknown as ImportsRepository, files, queue, responses);
  return { repo, service, asked, discarded, queue };
}

async function* body(...parts: string[]) {
  yield* parts;
}

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as ApiError;
    const b = e.getResponse() as { code: string; message: string };
    return { status: e.getStatus(), code: b.code, message: b.message };
  }
  throw new Error('expected a failure');
}

describe('who may import', () => {
  it('only those who may change a plan: every route of the controller, confirmation included', () => {
    expect(Reflect.getMetadata(ROLES_KEY, ImportsController)).toEqual(PLAN_WRITERS);
    // No route overrides the class's roles.
    for (const name of ['create', 'list', 'get', 'update', 'confirm', 'remove'])
      expect(Reflect.getMetadata(ROLES_KEY, ImportsController.prototype[name as keyof ImportsController])).toBeUndefined();
  });
});

describe('ImportsService.create', () => {
  it('stores the file with its size, then asks the workers for the preview of generation 0', async () => {
    const { repo, service, asked } = setup();
    const imp = await service.create({ kind: 'plan', fileName: 'plan.txt' }, body('ab', 'cde'), USER);
    expect(imp).toMatchObject({ kind: 'plan', status: 'analyzing', size: 5, options: {}, createdById: 'staff', generation: 0 });
    expect(asked).toEqual([`analyze ${imp.id} 0`]);
    expect(repo.rows.size).toBe(1);
  });

  it('keeps the questionnaire of a responses import in its options', async () => {
    const { service } = setup();
    const imp = await service.create({ kind: 'responses', fileName: 'r.csv', questionnaireId: Q }, body('x'), USER);
    expect(imp.options).toEqual({ questionnaireId: Q });
  });

  it('refuses responses for a questionnaire that does not exist, before reading the file', async () => {
    const { repo, service, asked } = setup();
    const read = jest.fn();
    const f = await failure(
      service.create({ kind: 'responses', fileName: 'r.csv', questionnaireId: 'nope' }, { [Symbol.asyncIterator]: read }, USER),
    );
    expect(f).toEqual({ status: 400, code: 'invalid_reference', message: 'questionnaireId: questionnaire nope does not exist' });
    expect(read).not.toHaveBeenCalled();
    expect([repo.rows.size, asked]).toEqual([0, []]);
  });

  it('an empty file leaves no import and asks nothing', async () => {
    const { repo, service, asked } = setup();
    expect(await failure(service.create({ kind: 'plan', fileName: 'p.txt' }, body(), USER))).toMatchObject({
      status: 400,
      code: 'empty_file',
    });
    expect([repo.rows.size, asked]).toEqual([0, []]);
  });

  it('the import is created even when Redis cannot take the job (the recovery asks again)', async () => {
    const { service, queue } = setup();
    queue.analyze = () => Promise.reject(new Error('Redis down'));
    await expect(service.create({ kind: 'plan', fileName: 'p.txt' }, body('x'), USER)).resolves.toMatchObject({ status: 'analyzing' });
  });

  it('does not wait more than a second for a queue that hangs', async () => {
    jest.useFakeTimers();
    try {
      const { service, queue } = setup();
      queue.analyze = () => new Promise(() => undefined);
      const created = service.create({ kind: 'plan', fileName: 'p.txt' }, body('x'), USER);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(created).resolves.toMatchObject({ status: 'analyzing' });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('ImportsService.get and list', () => {
  it('404 for an unknown import', async () => {
    const { service } = setup();
    expect(await failure(service.get('nope'))).toMatchObject({ status: 404 });
  });

  it('lists newest first, by kind, a page at a time, without the previews', async () => {
    const { repo, service } = setup();
    const [a, , c] = [repo.add('plan', 'ready'), repo.add('work-cell', 'ready'), repo.add('plan', 'done')];
    const page = await service.list({ kind: 'plan', page: 1, limit: 1 });
    expect(page).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(page.items.map((i) => [i.id, i.preview])).toEqual([[c.id, null]]);
    expect((await service.list({ kind: 'plan', page: 2, limit: 1 })).items.map((i) => i.id)).toEqual([a.id]);
    // The row keeps its preview: the list only leaves it out.
    expect(repo.rows.get(c.id)?.preview).toEqual({ rows: 3 });
  });
});

describe('ImportsService.update (new options, new preview)', () => {
  it('moves back to analyzing at the next generation, audits the change, asks the workers for that generation', async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', 'ready', { options: { title: 'Old' }, problemCount: 0 });
    const after = await service.update(imp.id, { title: 'New' } as ImportOptionsDto);
    expect(after).toMatchObject({ status: 'analyzing', generation: 1, options: { title: 'New' }, preview: null });
    expect(asked).toEqual([`analyze ${imp.id} 1`]);
    expect(repo.audits).toEqual([
      { action: 'update', entityType: 'import', entityId: imp.id, changes: { options: { from: { title: 'Old' }, to: { title: 'New' } } } },
    ]);
  });

  it('the same options again: a new preview, no audit event', async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', 'invalid', { options: { title: 'Same' } });
    await service.update(imp.id, { title: 'Same' } as ImportOptionsDto);
    expect(repo.audits).toEqual([]);
    expect(asked).toEqual([`analyze ${imp.id} 1`]);
  });

  it('a responses import keeps its questionnaire whatever the options say; undefined options are dropped', async () => {
    const { repo, service } = setup();
    const imp = repo.add('responses', 'ready');
    const columns = [{ column: 'A', questionKey: 'q1' }];
    const after = await service.update(imp.id, { columns, choices: undefined } as unknown as ImportOptionsDto);
    expect(after.options).toEqual({ questionnaireId: Q, columns });
  });

  it("refuses another kind's options, naming each", async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('work-cell', 'ready');
    const f = await failure(service.update(imp.id, { name: 'ok', title: 'x', columns: [] } as unknown as ImportOptionsDto));
    expect(f).toEqual({ status: 400, code: 'validation_failed', message: 'A work-cell import takes no title, columns' });
    expect([repo.rows.get(imp.id)?.generation, asked]).toEqual([0, []]);
  });

  it.each(['importing', 'done'] as const)('settled (%s): 409, nothing changes', async (status) => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', status);
    expect(await failure(service.update(imp.id, { title: 'x' } as ImportOptionsDto))).toEqual({
      status: 409,
      code: 'import_settled',
      message: `This import is ${status}: its options can no longer change`,
    });
    expect([repo.rows.get(imp.id)?.generation, repo.audits, asked]).toEqual([0, [], []]);
  });

  it.each(['analyzing', 'invalid', 'failed'] as const)('not settled (%s): takes new options', async (status) => {
    const { repo, service } = setup();
    const imp = repo.add('plan', status);
    await expect(service.update(imp.id, { title: 'x' } as ImportOptionsDto)).resolves.toMatchObject({ status: 'analyzing', generation: 1 });
  });
});

describe('ImportsService.confirm (preview before confirm)', () => {
  it('a ready import goes to importing, audited, and the workers are asked to write that generation', async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', 'ready', { generation: 3 });
    await expect(service.confirm(imp.id)).resolves.toMatchObject({ status: 'importing' });
    expect(asked).toEqual([`commit ${imp.id} 3`]);
    expect(repo.audits).toEqual([
      { action: 'update', entityType: 'import', entityId: imp.id, changes: { status: { from: 'ready', to: 'importing' } } },
    ]);
  });

  it('an import with problems cannot be confirmed: says how many to fix', async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', 'invalid', { problemCount: 4 });
    expect(await failure(service.confirm(imp.id))).toEqual({
      status: 409,
      code: 'import_not_ready',
      message: 'This import has 4 problem(s) to fix first',
    });
    expect([repo.rows.get(imp.id)?.status, repo.audits, asked]).toEqual(['invalid', [], []]);
  });

  it.each(['analyzing', 'importing', 'done', 'failed'] as const)('not ready (%s): cannot be confirmed', async (status) => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', status);
    expect(await failure(service.confirm(imp.id))).toEqual({
      status: 409,
      code: 'import_not_ready',
      message: `This import is ${status}: only a ready import can be confirmed`,
    });
    expect([repo.audits, asked]).toEqual([[], []]);
  });

  it('only the preview the user saw: options changed meanwhile (a new generation) refuse the confirmation', async () => {
    const { repo, service, asked } = setup();
    const imp = repo.add('plan', 'ready');
    // Another tab changes the options between the read of the import and its confirmation.
    const find = repo.find;
    repo.find = async (id) => {
      const seen = await find(id);
      Object.assign(repo.rows.get(id) as Import, { generation: 1 });
      repo.find = find;
      return seen;
    };
    expect(await failure(service.confirm(imp.id))).toMatchObject({ status: 409, code: 'import_not_ready' });
    expect([repo.rows.get(imp.id)?.status, asked]).toEqual(['ready', []]);
  });

  it('404 for an unknown import', async () => {
    const { service } = setup();
    expect(await failure(service.confirm('nope'))).toMatchObject({ status: 404 });
  });
});

describe('ImportsService.remove', () => {
  it('refuses while the import is being written', async () => {
    const { repo, service } = setup();
    const imp = repo.add('responses', 'importing');
    expect(await failure(service.remove(imp.id))).toMatchObject({ status: 409, code: 'import_in_progress' });
    expect(repo.rows.has(imp.id)).toBe(true);
  });

  it('discards a responses import and its staged rows; other kinds have none', async () => {
    const { repo, service, discarded } = setup();
    const r = repo.add('responses', 'ready');
    const p = repo.add('plan', 'invalid');
    await service.remove(r.id);
    await service.remove(p.id);
    expect([repo.rows.size, discarded]).toEqual([0, [r.id]]);
  });
});
