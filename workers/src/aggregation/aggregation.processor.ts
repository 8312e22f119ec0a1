import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { AGGREGATION_QUEUE, AggregationJob, RecomputePayload, RecomputeQuestionnairePayload } from '@backend/queue/queues';
import { keepScheduled } from '../keep-scheduled';

/** How often the reconcile job looks for indicators whose inputs changed without a recompute (Redis was down…). */
export const RECONCILE_EVERY_MS = 15_000;

// A worker killed mid-job (SIGKILL, OOM) holds its job's lock until it expires; stalled jobs are looked for every
// stalledInterval. BullMQ's 30 s + 30 s would leave an indicator stale for up to a minute; a recompute is
// idempotent, so a job wrongly taken for stalled (event loop blocked over 10 s) only costs one more recompute.
@Processor(AGGREGATION_QUEUE, { concurrency: 2, lockDuration: 10_000, stalledInterval: 5_000 })
export class AggregationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AggregationProcessor.name);

  constructor(
    private readonly aggregation: AggregationService,
    private readonly requests: AggregationQueueService,
    @InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await keepScheduled(this.queue, 'reconcile', AggregationJob.Reconcile, RECONCILE_EVERY_MS, this.logger);
  }

  async process(job: Job<RecomputePayload | RecomputeQuestionnairePayload>): Promise<unknown> {
    // At debug level, each run of a job by this process: the scale-out test reads these lines to check that no job
    // runs twice at the same time.
    this.logger.debug(`job ${job.id} ${job.name} ${JSON.stringify(job.data)} begins`);
    try {
      return await this.run(job);
    } finally {
      this.logger.debug(`job ${job.id} ends`);
    }
  }

  private async run(job: Job<RecomputePayload | RecomputeQuestionnairePayload>): Promise<unknown> {
    switch (job.name) {
      case AggregationJob.RecomputeQuestionnaire: {
        const { questionnaireId } = job.data as RecomputeQuestionnairePayload;
        return Object.fromEntries(await this.aggregation.recomputeMany(await this.aggregation.indicatorsFedBy({ questionnaireId })));
      }
      case AggregationJob.Recompute: {
        // With many months to read (a first computation, an import, an outage), the other indicators of its
        // questionnaire are read in the same scan: their own jobs then find their months read.
        const done = await this.aggregation.recomputeMany(await this.aggregation.withSiblings((job.data as RecomputePayload).indicatorId));
        return Object.fromEntries(done);
      }
      case AggregationJob.Reconcile: {
        await this.aggregation.foldChanges();
        const stale = await this.aggregation.stale();
        if (stale.length) this.logger.log(`reconcile: ${stale.length} indicator(s) to recompute`);
        await this.requests.recompute(stale);
        return { stale: stale.length };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
