import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ApiError } from '@backend/common/errors';
import { AGGREGATION_QUEUE, SYSTEM_QUEUE } from '@backend/queue/queues';

const RECENT = 200;

/** What an administrator sees of the background work: counts per state, retries and the latest failures. */
@Injectable()
export class QueueBoardService {
  constructor(
    @InjectQueue(AGGREGATION_QUEUE) private readonly aggregation: Queue,
    @InjectQueue(SYSTEM_QUEUE) private readonly system: Queue,
  ) {}

  async board() {
    try {
      return { queues: await Promise.all([this.aggregation, this.system].map((q) => this.describe(q))) };
    } catch (err) {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', `The queues cannot be read: ${(err as Error).message}`);
    }
  }

  private async describe(queue: Queue) {
    const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
    const recent = await queue.getJobs(['completed', 'failed', 'active', 'waiting'], 0, RECENT - 1);
    const failures = (await queue.getJobs(['failed'], 0, 9)).map((j) => ({
      id: j.id,
      name: j.name,
      data: j.data as unknown,
      attemptsMade: j.attemptsMade,
      failedReason: j.failedReason,
      finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    }));
    return {
      name: queue.name,
      waiting: counts.waiting + counts.prioritized,
      active: counts.active,
      completed: counts.completed,
      failed: counts.failed,
      delayed: counts.delayed,
      // Among the latest jobs: those that needed more than one attempt.
      retried: recent.filter(
        (j) => j.attemptsMade > 1 || (j.attemptsMade === 1 && j.finishedOn && !j.failedReason && j.attemptsStarted > 1),
      ).length,
      recentlyExamined: recent.length,
      failures,
    };
  }
}
