import { Injectable, Logger } from '@nestjs/common';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { ProblemList } from './import-problem';
import { MAX_PROBLEMS } from './import-kind';
import { Import, ImportProgress, ImportResult } from './import.entity';
import { ImportFilesService } from './import-files.service';
import { ImportsRepository, ImportTransaction } from './imports.repository';
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
    private readonly repo: ImportsRepository,
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
  private alone<T>(importId: string, step: () => Promise<T>): Promise<T> {
    return this.repo.alone(importId, step);
  }

  private async analyzeNow(importId: string, generation: number): Promise<boolean> {
    const imp = await this.repo.findAt(importId, generation, 'analyzing');
    if (!imp) return false;
    const onBytes = this.progressReporter(imp, imp.size);
    const analysis = await this.analysis(imp, onBytes);
    const recorded = await this.repo.recordAnalysis(importId, generation, {
      status: analysis.problems.count > 0 ? 'invalid' : 'ready',
      format: analysis.format,
      preview: analysis.preview,
      problems: analysis.problems.items.slice(0, MAX_PROBLEMS),
      problemCount: analysis.problems.count,
    });
    // Overtaken by newer options: what this analysis staged is of no use.
    if (!recorded && imp.kind === 'responses') await this.responses.discardStaging(importId);
    return recorded;
  }

  /**
   * Writes a confirmed import in one transaction, which also marks it done and drops its file: a worker killed half
   * way leaves nothing, and the retried job starts again from the same staged rows.
   */
  private async commitNow(importId: string, generation: number): Promise<boolean> {
    const imp = await this.repo.findAt(importId, generation, 'importing');
    if (!imp) return false;
    let outcome = await this.repo.transaction((tx) => this.write(tx, imp));
    if (outcome === 'restage') {
      // The staged rows are gone (PostgreSQL restarted since the analysis): read the file again, then write.
      this.logger.warn(`Import ${importId}: staged rows lost, reading the file again`);
      const again = await this.responses.analyze(imp, this.progressReporter(imp, imp.size));
      if (again.problems.count > 0) throw new Error('the file no longer reads as it did at the preview');
      imp.preview = again.preview;
      outcome = await this.repo.transaction((tx) => this.write(tx, imp));
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
    return this.repo.pending();
  }

  /**
   * Discards what imports leave behind: an import not confirmed for KEEP_UNCONFIRMED_DAYS goes, with its file and its
   * staged rows, and so does any staging table whose import is gone. Returns how many imports were discarded.
   */
  async sweep(): Promise<number> {
    const gone = await this.repo.deleteUnconfirmed(KEEP_UNCONFIRMED_DAYS);
    for (const tablename of await this.repo.orphanStagingTables()) await this.repo.dropStagingTable(tablename);
    if (gone.length > 0) this.logger.log(`Discarded ${gone.length} import(s) left unconfirmed for ${KEEP_UNCONFIRMED_DAYS} days`);
    return gone.length;
  }

  /** Marks an import that no retry could write. */
  async fail(importId: string, generation: number, reason: string): Promise<void> {
    await this.repo.fail(importId, generation, reason);
  }

  private async write(tx: ImportTransaction, imp: Import): Promise<'done' | 'gone' | 'restage'> {
    if ((await tx.lockStatus(imp.id, imp.generation)) !== 'importing') return 'gone';
    let result: ImportResult | { problems: ProblemList } | null;
    if (imp.kind === 'responses') {
      const rows = (imp.preview as { rows?: number } | null)?.rows ?? -1;
      result = await this.responses.commit(tx, imp, rows);
      if (result === null) return 'restage';
    } else {
      result = imp.kind === 'plan' ? await this.plans.commit(tx.em, imp) : await this.workCells.commit(tx.em, imp);
    }
    if ('problems' in result) {
      // Something changed since the preview (a plan of that title was created meanwhile): back to the preview.
      await tx.markInvalid(imp.id, result.problems.items, result.problems.count);
      return 'done';
    }
    await tx.markDone(imp.id, result);
    await this.files.discard(tx.em, imp.id);
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
      void this.repo.setProgress(imp.id, imp.generation, progress).catch(() => undefined);
    };
  }
}
