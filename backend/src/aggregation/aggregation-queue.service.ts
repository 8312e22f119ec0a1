import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob, JOB_RETENTION, RecomputePayload, RecomputeQuestionnairePayload } from '@backend/queue/queues';
import { withDeadline } from '@backend/queue/with-deadline';
import { AggregationService } from './aggregation.service';

/**
 * The API side: asks the workers to recompute indicators. Never blocks or fails the caller: with Redis down
 * the add fails fast, the raw rows are already committed, and the reconcile job catches up later.
 */
// Values at most this much behind the responses (plus the recompute): twice a second is fresh enough for a dashboard,
// and under 500 responses/s a recompute four times a second took CPU the API's readers then lacked (bench:aggregate).
const THROTTLE_MS = 500;
// A write never waits long on Redis: past this, the add is given up and the reconcile job catches up.
const ENQUEUE_DEADLINE_MS = 500;

@Injectable()
export class AggregationQueueService implements OnModuleDestroy {
  private readonly logger = new Logger(AggregationQueueService.name);
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    @InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue<RecomputePayload | RecomputeQuestionnairePayload>,
    private readonly aggregation: AggregationService,
  ) {}

  async recompute(indicatorIds: string[]): Promise<void> {
    await Promise.all(indicatorIds.map((indicatorId) => this.add(AggregationJob.Recompute, { indicatorId }, indicatorId)));
  }

  /** New or changed responses: one job for every indicator the questionnaire feeds (one read of their months). */
  async questionnaireChanged(questionnaireId: string): Promise<void> {
    await this.add(AggregationJob.RecomputeQuestionnaire, { questionnaireId }, `questionnaire:${questionnaireId}`);
  }

  private add(name: string, data: RecomputePayload | RecomputeQuestionnairePayload, deduplicationId: string): Promise<unknown> {
    return withDeadline(
      this.queue.add(name, data, {
        // One pending recompute per indicator (or questionnaire); one arriving while another runs waits for it, so
        // nothing is missed.
        deduplication: { id: deduplicationId, keepLastIfActive: true },
        attempts: 5,
        backoff: { type: 'exponential', delay: 500 },
        ...JOB_RETENTION,
      }),
      ENQUEUE_DEADLINE_MS,
    ).catch((err: Error) => this.logger.warn(`recompute for ${deduplicationId} not queued (${err.message}); reconcile will catch up`));
  }

  /**
   * For the ingest, which commits hundreds of responses a second: at most one request per questionnaire
   * every THROTTLE_MS, and always one after the last response, so the values catch up within that delay.
   */
  questionnaireChangedSoon(questionnaireId: string): void {
    if (this.scheduled.has(questionnaireId)) return;
    const since = Date.now() - (this.lastSent.get(questionnaireId) ?? 0);
    const timer = setTimeout(
      () => {
        this.scheduled.delete(questionnaireId);
        this.lastSent.set(questionnaireId, Date.now());
        void this.questionnaireChanged(questionnaireId);
      },
      Math.max(0, THROTTLE_MS - since),
    );
    timer.unref();
    this.scheduled.set(questionnaireId, timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  async instrumentChanged(instrumentId: string): Promise<void> {
    await this.recompute(await this.aggregation.indicatorsFedBy({ instrumentId }).catch(() => []));
  }

  /** A step of the cell added, ticked, unticked, re-dated or removed: the indicators that read its progress. */
  async workCellChanged(workCellId: string): Promise<void> {
    await this.recompute(await this.aggregation.indicatorsFedBy({ workCellId }).catch(() => []));
  }
}
