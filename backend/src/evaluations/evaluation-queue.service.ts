import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EVALUATION_QUEUE, EvaluationJob, FreezePayload, JOB_RETENTION } from '@backend/queue/queues';
import { withDeadline } from '@backend/queue/with-deadline';

// A request never waits long on Redis: past this, the add is given up and the workers' recovery freezes it.
const ENQUEUE_DEADLINE_MS = 500;

/**
 * Asks the workers to freeze an evaluation's snapshot. Never fails the caller: the evaluation row, committed in state
 * `freezing`, is the request that matters; the workers look for such rows at start-up and every few seconds, so one
 * whose job could not be queued (Redis down) is frozen once they can run. A freeze can read a million responses, which
 * is no work for a request: freezing synchronously when the queue is down would hold the caller, and the API, for it.
 */
@Injectable()
export class EvaluationQueueService {
  private readonly logger = new Logger(EvaluationQueueService.name);

  constructor(@InjectQueue(EVALUATION_QUEUE) private readonly queue: Queue<FreezePayload>) {}

  /** True when queued (or already waiting); false when Redis could not take it. */
  async requestFreeze(evaluationId: string): Promise<boolean> {
    try {
      await withDeadline(
        this.queue.add(
          EvaluationJob.Freeze,
          { evaluationId },
          {
            // One pending freeze per evaluation: the recovery's requests for one already queued collapse into it.
            deduplication: { id: `freeze:${evaluationId}` },
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            ...JOB_RETENTION,
          },
        ),
        ENQUEUE_DEADLINE_MS,
      );
      return true;
    } catch (err) {
      this.logger.warn(`freeze of evaluation ${evaluationId} not queued (${(err as Error).message}); the workers' recovery will freeze it`);
      return false;
    }
  }
}
