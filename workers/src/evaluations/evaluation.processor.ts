import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { EvaluationFreezerService, FreezeOutcome } from '@backend/evaluations/evaluation-freezer.service';
import { EvaluationQueueService } from '@backend/evaluations/evaluation-queue.service';
import { EVALUATION_QUEUE, EvaluationJob, FreezePayload } from '@backend/queue/queues';
import { keepScheduled } from '../keep-scheduled';

/**
 * The workers' own job (the API never adds it, hence not in the queue contract): finds evaluations still freezing and
 * asks for their freeze. It catches those whose job the API could not queue (Redis down when they were opened) and
 * those whose job gave up; requests for one already queued collapse into it (deduplication). Only those freezing for
 * longer than FREEZE_RECOVERY_GRACE_SECONDS (EvaluationFreezerService.pending): every workers process runs this (several
 * when scaled out; in the tests, those of other files, on other queues, share the database), and none should race a
 * freeze under way elsewhere.
 */
export const RECOVER_FREEZES_JOB = 'recover-freezes';
export const RECOVER_FREEZES_EVERY_MS = 15_000;

@Processor(EVALUATION_QUEUE, { concurrency: 1 })
export class EvaluationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvaluationProcessor.name);

  constructor(
    private readonly freezer: EvaluationFreezerService,
    private readonly requests: EvaluationQueueService,
    @InjectQueue(EVALUATION_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // It runs at once: what was opened while the workers were down is frozen at their start.
    await keepScheduled(this.queue, RECOVER_FREEZES_JOB, RECOVER_FREEZES_JOB, RECOVER_FREEZES_EVERY_MS, this.logger);
  }

  async process(job: Job<FreezePayload>): Promise<{ outcome: FreezeOutcome } | { pending: number }> {
    switch (job.name) {
      case EvaluationJob.Freeze:
        return { outcome: await this.freezer.freeze(job.data.evaluationId) };
      case RECOVER_FREEZES_JOB: {
        const pending = await this.freezer.pending();
        if (pending.length) this.logger.log(`freeze recovery: ${pending.length} evaluation(s) still freezing`);
        for (const evaluationId of pending) await this.requests.requestFreeze(evaluationId);
        return { pending: pending.length };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
