import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_RETENTION, RenderReportPayload, REPORT_QUEUE, ReportJob } from '@backend/queue/queues';
import { withDeadline } from '@backend/queue/with-deadline';

// A request never waits long on Redis: past this, the report is refused for now (503) rather than left unrendered.
const ENQUEUE_DEADLINE_MS = 1000;

export const RENDER_ATTEMPTS = 3;

/** Asks the workers to render a report. */
@Injectable()
export class ReportQueueService {
  constructor(@InjectQueue(REPORT_QUEUE) private readonly queue: Queue<RenderReportPayload>) {}

  /** Rejects when Redis cannot take the job (the caller decides what that means for the report). */
  async requestRender(reportId: string): Promise<void> {
    await withDeadline(
      this.queue.add(
        ReportJob.Render,
        { reportId },
        {
          // One job per report: asking again for a report in the works adds nothing.
          jobId: `report-${reportId}`,
          attempts: RENDER_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          ...JOB_RETENTION,
        },
      ),
      ENQUEUE_DEADLINE_MS,
    );
  }
}
