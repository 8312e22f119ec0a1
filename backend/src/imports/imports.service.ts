import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, notFound } from '@backend/common/errors';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { diff } from '@backend/audit/audit-diff';
import type { CreateImportQueryDto, ImportListQueryDto } from './dto/import.dto';
import { ImportOptionsDto, OPTIONS_BY_KIND } from './dto/import-options.dto';
import { Import } from './import.entity';
import { ImportFilesService } from './import-files.service';
import { ImportQueueService } from './import-queue.service';
import { ImportsRepository } from './imports.repository';
import { ResponsesImportService } from './responses/responses-import.service';

/**
 * The API's side of imports: it stores the uploaded file and asks the workers for the preview, lets the user adjust
 * the options (a new preview each time), and confirms or discards. Nothing of the file's content is written before
 * the confirmation, and then by the workers, in one transaction.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly files: ImportFilesService,
    private readonly queue: ImportQueueService,
    private readonly responses: ResponsesImportService,
  ) {}

  async create(q: CreateImportQueryDto, body: AsyncIterable<Buffer | string>, user: AuthUser): Promise<Import> {
    if (q.kind === 'responses' && (q.questionnaireId === undefined || !(await this.repo.questionnaireExists(q.questionnaireId)))) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'invalid_reference',
        `questionnaireId: questionnaire ${q.questionnaireId} does not exist`,
        [{ field: 'questionnaireId', message: 'no such questionnaire' }],
      );
    }
    const options = q.kind === 'responses' ? { questionnaireId: q.questionnaireId } : {};
    // The row and its file in one transaction: an upload cut short (or too large) leaves neither.
    const imp = await this.repo.transaction(async (tx) => {
      const created = await tx.create({ kind: q.kind, fileName: q.fileName, size: 0, options, createdById: user.id });
      created.size = await this.files.store(tx.em, created.id, body);
      if (created.size === 0)
        throw new ApiError(HttpStatus.BAD_REQUEST, 'empty_file', 'The file is empty', [{ field: 'file', message: 'empty' }]);
      await tx.setSize(created.id, created.size);
      return created;
    });
    await this.request(() => this.queue.analyze(imp.id, imp.generation));
    return this.get(imp.id);
  }

  async get(id: string): Promise<Import> {
    const imp = await this.repo.find(id);
    if (!imp) throw notFound('Import', id);
    return imp;
  }

  async list(q: ImportListQueryDto): Promise<Page<Import>> {
    const [items, total] = await this.repo.list(q.kind, (q.page - 1) * q.limit, q.limit);
    // The list shows what each import is and where it stands; its preview is read one at a time.
    for (const item of items) item.preview = null;
    return pageOf(items, total, q);
  }

  /** New options: a new preview, from the same file. */
  async update(id: string, options: ImportOptionsDto): Promise<Import> {
    const imp = await this.get(id);
    const allowed: readonly string[] = OPTIONS_BY_KIND[imp.kind];
    const foreign = Object.entries(options)
      .filter(([k, v]) => v !== undefined && !allowed.includes(k))
      .map(([k]) => k);
    if (foreign.length > 0) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        `A ${imp.kind} import takes no ${foreign.join(', ')}`,
        foreign.map((k) => ({ field: `options.${k}`, message: `not an option of a ${imp.kind} import (it takes ${allowed.join(', ')})` })),
      );
    }
    const kept = imp.kind === 'responses' ? { questionnaireId: (imp.options as { questionnaireId: string }).questionnaireId } : {};
    const next = JSON.parse(JSON.stringify({ ...kept, ...options })) as Record<string, unknown>;
    const updated = await this.repo.transaction(async (tx) => {
      const row = await tx.reanalyze(id, next);
      // A change of options is the staff member's act (raw SQL: the subscriber does not see it); the same options again, none.
      const changes = row ? diff({ options: row.before }, { options: next }, ['options']) : {};
      if (Object.keys(changes).length > 0) await tx.audit({ action: 'update', entityType: 'import', entityId: id, changes });
      return row;
    });
    if (updated === null) throw this.settled(imp);
    await this.request(() => this.queue.analyze(id, updated.generation));
    return this.get(id);
  }

  async confirm(id: string): Promise<Import> {
    const imp = await this.get(id);
    const confirmed = await this.repo.transaction(async (tx) => {
      const done = await tx.confirm(id, imp.generation);
      // The confirmation is the staff member's act; the workers then write the import's content (not audited row by row).
      if (done)
        await tx.audit({ action: 'update', entityType: 'import', entityId: id, changes: { status: { from: 'ready', to: 'importing' } } });
      return done;
    });
    if (!confirmed) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'import_not_ready',
        imp.status === 'invalid'
          ? `This import has ${imp.problemCount} problem(s) to fix first`
          : `This import is ${imp.status}: only a ready import can be confirmed`,
      );
    }
    await this.request(() => this.queue.commit(id, imp.generation));
    return this.get(id);
  }

  /** Discards an import not yet written (its file and staged rows with it); one being written finishes first. */
  async remove(id: string): Promise<void> {
    const imp = await this.get(id);
    if (imp.status === 'importing')
      throw new ApiError(HttpStatus.CONFLICT, 'import_in_progress', 'This import is being written: wait for it to finish');
    await this.repo.delete(id);
    if (imp.kind === 'responses') await this.responses.discardStaging(id);
  }

  /** The row is the request: if Redis cannot take the job now, the workers' recovery finds the import and asks again. */
  private async request(enqueue: () => Promise<void>): Promise<void> {
    await Promise.race([enqueue(), new Promise((resolve) => setTimeout(resolve, 1000))]).catch(() => undefined);
  }

  private settled(imp: Import): ApiError {
    return new ApiError(HttpStatus.CONFLICT, 'import_settled', `This import is ${imp.status}: its options can no longer change`);
  }
}
