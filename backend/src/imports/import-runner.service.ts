import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { ProblemList } from './import-problem';
import { MAX_PROBLEMS } from './import-kind';
import { Import, ImportProgress, ImportResult } from './import.entity';
import { ImportFilesService } from './import-files.service';
import { updateReturning } from './update-rows';
import { PlanImportService } from './plan-table/plan-import.service';
import { ResponsesImportService } from './responses/responses-import.service';
import type { ResponsesImportOptions } from './responses/row-reader';
import { WorkCellImportService } from './work-cell-fiche/work-cell-import.service';

const PROGRESS_EVERY_MS = 300;

/** An uploaded file waits this long for its confirmation: up to 200 MB each, they are not kept for ever. */
export const KEEP_UNCONFIRMED_DAYS = 30;

/**
 * The workers' side of an import: the analysis (preview and problems) and, once confirmed, the writing, all or
 * nothing. Each step checks the import is still at the generation of options it was asked for: a user who changed
 * the options meanwhile has a newer analysis coming, and the older one stops without a trace.
 */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: ImportFilesService,
    private readonly plans: PlanImportService,
    private readonly workCells: WorkCellImportService,
    private readonly responses: ResponsesImportService,
    private readonly aggregation: AggregationQueueService,
  ) {}

  /** False when there was nothing to do (the import is gone, confirmed, or its options changed). */
  analyze(importId: string, generation: number): Promise<boolean> {
    return this.alone(importId, () => this.analyzeNow(importId, generation));
  }

  commit(importId: string, generation: number): Promise<boolean> {
    return this.alone(importId, () => this.commitNow(importId, generation));
  }

  /**
   * One step of an import at a time, whoever asks (a job retried while its first attempt still runs, the recovery):
   * the second waits, then finds the import moved on and has nothing to do.
   */
  private async alone<T>(importId: string, step: () => Promise<T>): Promise<T> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 6))', [importId]);
      return await step();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 6))', [importId]).catch(() => undefined);
      await lock.release();
    }
  }

  private async analyzeNow(importId: string, generation: number): Promise<boolean> {
    const imp = await this.db.manager.findOneBy(Import, { id: importId, generation, status: 'analyzing' });
    if (!imp) return false;
    const onBytes = this.progressReporter(imp, imp.size);
    const analysis = await this.analysis(imp, onBytes);
    const updated = await updateReturning(
      this.db,
      `UPDATE imports SET status = $3, format = $4, preview = $5, problems = $6, problem_count = $7, progress = NULL, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'analyzing' RETURNING id`,
      [
        importId,
        generation,
        analysis.problems.count > 0 ? 'invalid' : 'ready',
        analysis.format,
        analysis.preview && JSON.stringify(analysis.preview),
        JSON.stringify(analysis.problems.items.slice(0, MAX_PROBLEMS)),
        analysis.problems.count,
      ],
    );
    if (updated.length === 0 && imp.kind === 'responses') await this.responses.discardStaging(importId);
    return updated.length > 0;
  }

  /**
   * Writes a confirmed import in one transaction, which also marks it done and drops its file: a worker killed half
   * way leaves nothing, and the retried job starts again from the same staged rows.
   */
  private async commitNow(importId: string, generation: number): Promise<boolean> {
    const imp = await this.db.manager.findOneBy(Import, { id: importId, generation, status: 'importing' });
    if (!imp) return false;
    let outcome = await this.db.transaction((em) => this.write(em, imp));
    if (outcome === 'restage') {
      // The staged rows are gone (PostgreSQL restarted since the analysis): read the file again, then write.
      this.logger.warn(`Import ${importId}: staged rows lost, reading the file again`);
      const again = await this.responses.analyze(imp, this.progressReporter(imp, imp.size));
      if (again.problems.count > 0) throw new Error('the file no longer reads as it did at the preview');
      imp.preview = again.preview;
      outcome = await this.db.transaction((em) => this.write(em, imp));
      if (outcome === 'restage') throw new Error('the staged rows could not be found twice');
    }
    if (imp.kind === 'responses') {
      await this.responses.discardStaging(importId);
      // The indicators this questionnaire feeds are recomputed for the months the rows changed (response_changes).
      await this.aggregation.questionnaireChanged((imp.options as unknown as ResponsesImportOptions).questionnaireId);
    }
    return outcome === 'done';
  }

  /** Imports waiting for the workers, untouched for a while: their job may have been lost with Redis. */
  pending(): Promise<{ id: string; generation: number; status: 'analyzing' | 'importing' }[]> {
    return this.db.query(
      `SELECT id, generation, status FROM imports WHERE status IN ('analyzing', 'importing') AND updated_at < now() - interval '10 seconds'`,
    );
  }

  /**
   * Discards what imports leave behind: an import not confirmed for KEEP_UNCONFIRMED_DAYS goes, with its file and its
   * staged rows, and so does any staging table whose import is gone. Returns how many imports were discarded.
   */
  async sweep(): Promise<number> {
    // TypeORM answers a DELETE with [rows, affected]: updateReturning gives the rows (it took the pair's length, 2, for a
    // count, and logged « Discarded 2 » every 15 s on a database without any import).
    const gone = await updateReturning<{ id: string }>(
      this.db,
      `DELETE FROM imports WHERE status IN ('ready', 'invalid', 'failed') AND updated_at < now() - make_interval(days => $1) RETURNING id`,
      [KEEP_UNCONFIRMED_DAYS],
    );
    const orphans = await this.db.query<{ tablename: string }[]>(
      `SELECT t.tablename FROM pg_tables t WHERE t.schemaname = 'import_staging'
         AND NOT EXISTS (SELECT 1 FROM imports i WHERE starts_with(t.tablename, 'i_' || replace(i.id::text, '-', '') || '_'))`,
    );
    for (const { tablename } of orphans) await this.db.query(`DROP TABLE IF EXISTS import_staging."${tablename}"`);
    if (gone.length > 0) this.logger.log(`Discarded ${gone.length} import(s) left unconfirmed for ${KEEP_UNCONFIRMED_DAYS} days`);
    return gone.length;
  }

  /** Marks an import that no retry could write. */
  async fail(importId: string, generation: number, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = 'failed', error = $3, progress = NULL, updated_at = now() WHERE id = $1 AND generation = $2 AND status IN ('analyzing', 'importing')`,
      [importId, generation, reason],
    );
  }

  private async write(em: EntityManager, imp: Import): Promise<'done' | 'gone' | 'restage'> {
    const [locked] = await em.query<{ status: string }[]>('SELECT status FROM imports WHERE id = $1 AND generation = $2 FOR UPDATE', [
      imp.id,
      imp.generation,
    ]);
    if (locked?.status !== 'importing') return 'gone';
    let result: ImportResult | { problems: ProblemList } | null;
    if (imp.kind === 'responses') {
      const rows = (imp.preview as { rows?: number } | null)?.rows ?? -1;
      result = await this.responses.commit(em, imp, rows);
      if (result === null) return 'restage';
    } else {
      result = imp.kind === 'plan' ? await this.plans.commit(em, imp) : await this.workCells.commit(em, imp);
    }
    if ('problems' in result) {
      // Something changed since the preview (a plan of that title was created meanwhile): back to the preview.
      await em.query(
        `UPDATE imports SET status = 'invalid', problems = $2, problem_count = $3, progress = NULL, updated_at = now() WHERE id = $1`,
        [imp.id, JSON.stringify(result.problems.items), result.problems.count],
      );
      return 'done';
    }
    await em.query(`UPDATE imports SET status = 'done', result = $2, progress = NULL, updated_at = now() WHERE id = $1`, [
      imp.id,
      JSON.stringify(result),
    ]);
    await this.files.discard(em, imp.id);
    return 'done';
  }

  private analysis(imp: Import, onBytes: (n: number) => void) {
    switch (imp.kind) {
      case 'plan':
        return this.plans.read(imp);
      case 'work-cell':
        return this.workCells.read(imp);
      default:
        return this.responses.analyze(imp, onBytes);
    }
  }

  /** Records how far the reading is, at most every PROGRESS_EVERY_MS, for the web app's progress bar. */
  private progressReporter(imp: Import, total: number): (done: number) => void {
    let last = 0;
    return (done) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      const progress: ImportProgress = { done, total };
      void this.db
        .query('UPDATE imports SET progress = $3 WHERE id = $1 AND generation = $2', [imp.id, imp.generation, JSON.stringify(progress)])
        .catch(() => undefined);
    };
  }
}
