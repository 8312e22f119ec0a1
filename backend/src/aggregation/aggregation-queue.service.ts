import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob, JOB_RETENTION, RecomputePayload } from '@backend/queue/queues';
import { AggregationService } from './aggregation.service';

/**
 * The API side: asks the workers to recompute indicators. Never blocks or fails the caller: with Redis down
 * the add fails fast, the raw rows are already committed, and the reconcile job catches up later.
 */
@Injectable()
export class AggregationQueueService {
  private readonly logger = new Logger(AggregationQueueService.name);

  constructor(@InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue<RecomputePayload>, private readonly aggregation: AggregationService) {}

  async recompute(indicatorIds: string[]): Promise<void> {
    await Promise.all(indicatorIds.map((indicatorId) => this.queue.add(AggregationJob.Recompute, { indicatorId }, {
      // One pending recompute per indicator; one arriving while another runs waits for it, so nothing is missed.
      deduplication: { id: indicatorId, keepLastIfActive: true },
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      ...JOB_RETENTION,
    }).catch((err: Error) => this.logger.warn(`recompute of ${indicatorId} not queued (${err.message}); reconcile will catch up`))));
  }

  async questionnaireChanged(questionnaireId: string): Promise<void> {
    await this.recompute(await this.aggregation.indicatorsFedBy({ questionnaireId }).catch(() => []));
  }

  async instrumentChanged(instrumentId: string): Promise<void> {
    await this.recompute(await this.aggregation.indicatorsFedBy({ instrumentId }).catch(() => []));
  }
}
