import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { renderActivityPdf } from './render/activity-pdf';
import { renderEvaluationCsv } from './render/evaluation-csv';
import { renderEvaluationPdf } from './render/evaluation-pdf';
import { renderEvaluationXlsx } from './render/evaluation-xlsx';
import type { EvaluationReportInput, ReportFormat } from './render/report-input';
import { EVALUATION_LAST_CHANGE_SQL, ReportSourceGone, ReportSourcesService } from './report-sources.service';
import { Report } from './report.entity';

export type RenderOutcome = 'ready' | 'already_ready' | 'already_failed' | 'missing';

export interface RenderOptions {
  /** Reports the job's progress (0–100) to the queue; the report's row gets it too. */
  onProgress?: (progress: number) => Promise<unknown>;
  /** On the last attempt a failure is final: the report is marked failed. Before, it goes back to queued. */
  lastAttempt?: boolean;
}

const RENDERERS: Record<ReportFormat, (input: EvaluationReportInput) => Promise<Buffer> | Buffer> = {
  pdf: renderEvaluationPdf,
  xlsx: renderEvaluationXlsx,
  csv: renderEvaluationCsv,
};

// An evaluation changed while its report was drawn is drawn again, a few times at most.
const MAX_REDRAWS = 3;

/** The workers' side: renders a requested report and stores its file. */
@Injectable()
export class ReportRenderService {
  private readonly logger = new Logger(ReportRenderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ReportSourcesService,
  ) {}

  /**
   * Idempotent: a report already ready (or failed for good) is left as it is, a report run twice (a retried or stalled job) is rendered
   * again from its data. The file, the state `ready` and the source's change time are stored in one transaction that
   * first locks the row; a failure stores `failed` and its message (or `queued` while attempts remain), then rethrows.
   */
  async render(reportId: string, options: RenderOptions = {}): Promise<RenderOutcome> {
    const report = await this.db.manager.findOneBy(Report, { id: reportId });
    if (!report) return 'missing';
    if (report.state === 'ready') return 'already_ready';
    if (report.state === 'failed') return 'already_failed';
    const progress = async (value: number) => {
      await this.db.manager.update(Report, { id: reportId }, { progress: value });
      await options.onProgress?.(value);
    };
    try {
      await this.db.manager.update(Report, { id: reportId }, { state: 'running', progress: 5, error: null });
      await options.onProgress?.(5);
      for (let draw = 1; ; draw += 1) {
        const { file, changedAt } = await this.draw(report, progress);
        await progress(90);
        if (await this.store(report, file, changedAt, draw >= MAX_REDRAWS)) break;
        this.logger.log(`report ${reportId}: the evaluation changed while it was drawn; drawing it again`);
      }
      await options.onProgress?.(100);
      return 'ready';
    } catch (err) {
      const message = (err as Error).message;
      const final = options.lastAttempt !== false || err instanceof ReportSourceGone;
      await this.db.manager.update(
        Report,
        { id: reportId, state: 'running' },
        final ? { state: 'failed', error: message } : { state: 'queued', progress: 0, error: `${message} (trying again)` },
      );
      throw err;
    }
  }

  private async draw(report: Report, progress: (value: number) => Promise<void>): Promise<{ file: Buffer; changedAt: string | null }> {
    const generatedAt = new Date();
    if (report.kind === 'evaluation') {
      const { input, changedAt } = await this.sources.evaluation(report.evaluationId as string, report.language, generatedAt);
      await progress(40);
      return { file: await RENDERERS[report.format](input), changedAt };
    }
    const { input } = await this.sources.activity(report.planId, report.year as number, report.language, generatedAt);
    await progress(40);
    return { file: await renderActivityPdf(input), changedAt: null };
  }

  /** Stores the file unless the evaluation changed since its data was read (false: draw it again), or `anyway`. */
  private store(report: Report, file: Buffer, changedAt: string | null, anyway: boolean): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const [row]: { state: string; changed: boolean }[] =
        report.kind === 'evaluation'
          ? await em.query(
              `SELECT r.state, (${EVALUATION_LAST_CHANGE_SQL} FROM evaluations e WHERE e.id = r.evaluation_id) IS DISTINCT FROM $2::timestamptz AS changed
             FROM reports r WHERE r.id = $1 FOR UPDATE OF r`,
              [report.id, changedAt],
            )
          : await em.query('SELECT state, false AS changed FROM reports WHERE id = $1 FOR UPDATE', [report.id]);
      if (!row || row.state === 'ready') return true;
      if (row.changed && !anyway) return false;
      await em.query(
        `UPDATE reports SET file = $2, state = 'ready', progress = 100, error = NULL, source_changed_at = $3::timestamptz, updated_at = now() WHERE id = $1`,
        [report.id, file, changedAt],
      );
      return true;
    });
  }
}
