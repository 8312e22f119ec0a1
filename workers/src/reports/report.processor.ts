import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { RenderOutcome, ReportRenderService } from '@backend/reports/report-render.service';
import { ReportSourceGone } from '@backend/reports/report-sources.service';
import { RenderReportPayload, REPORT_QUEUE, ReportJob } from '@backend/queue/queues';

// One report at a time per worker process: a large PDF is CPU-bound and the aggregation shares the cores.
@Processor(REPORT_QUEUE, { concurrency: 1 })
export class ReportProcessor extends WorkerHost {
  constructor(private readonly reports: ReportRenderService) {
    super();
  }

  async process(job: Job<RenderReportPayload>): Promise<{ outcome: RenderOutcome }> {
    if (job.name !== ReportJob.Render) throw new UnrecoverableError(`unknown job ${job.name}`);
    try {
      const outcome = await this.reports.render(job.data.reportId, {
        onProgress: (progress) => job.updateProgress(progress),
        lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
      return { outcome };
    } catch (err) {
      // Its data is gone: no retry can do better.
      if (err instanceof ReportSourceGone) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}
