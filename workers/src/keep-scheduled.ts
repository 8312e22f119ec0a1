import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_RETENTION } from '@backend/queue/queues';

/**
 * Schedules a repeated job of the workers' own, at start and again whenever the Redis connection is back: a Redis
 * restarted without its data has forgotten the scheduler. A scheduler with `every` runs at once, so what happened
 * while the workers or Redis were away is caught up then.
 */
export async function keepScheduled(queue: Queue, schedulerId: string, jobName: string, everyMs: number, logger: Logger): Promise<void> {
  const schedule = () => queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name: jobName, opts: JOB_RETENTION });
  await schedule();
  (await queue.client).on('ready', () => {
    schedule().catch((err: Error) => logger.warn(`${jobName} not scheduled (${err.message})`));
  });
}
