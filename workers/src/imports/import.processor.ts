import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { IMPORT_ATTEMPTS, ImportQueueService } from '@backend/imports/import-queue.service';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { IMPORT_QUEUE, ImportJob, ImportPayload } from '@backend/queue/queues';
import { keepScheduled } from '../keep-scheduled';

/**
 * The workers' own job: finds imports left analysing or importing with no job (Redis was down when the API asked, or
 * restarted without its data) and asks again; a request for a job still queued collapses into it (same job id). It
 * also discards imports left unconfirmed for a month (ImportRunnerService.sweep).
 */
export const RECOVER_IMPORTS_JOB = 'recover-imports';
export const RECOVER_IMPORTS_EVERY_MS = 15_000;

// One import at a time per worker process: a million rows keep a core busy, and the aggregation shares the machine.
@Processor(IMPORT_QUEUE, { concurrency: 1 })
export class ImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly runner: ImportRunnerService,
    private readonly requests: ImportQueueService,
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await keepScheduled(this.queue, RECOVER_IMPORTS_JOB, RECOVER_IMPORTS_JOB, RECOVER_IMPORTS_EVERY_MS, this.logger);
  }

  async process(job: Job<ImportPayload>): Promise<{ done: boolean } | { pending: number }> {
    if (job.name === RECOVER_IMPORTS_JOB) {
      const pending = await this.runner.pending();
      for (const p of pending)
        await (p.status === 'analyzing' ? this.requests.analyze(p.id, p.generation) : this.requests.commit(p.id, p.generation));
      await this.runner.sweep();
      return { pending: pending.length };
    }
    const { importId, generation } = job.data;
    try {
      if (job.name === ImportJob.Analyze) return { done: await this.runner.analyze(importId, generation) };
      if (job.name === ImportJob.Commit) return { done: await this.runner.commit(importId, generation) };
      throw new UnrecoverableError(`unknown job ${job.name}`);
    } catch (err) {
      // The last attempt tells the user; earlier ones retry (PostgreSQL restarting, a worker killed).
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? IMPORT_ATTEMPTS) || err instanceof UnrecoverableError) {
        await this.runner.fail(importId, generation, (err as Error).message);
      }
      throw err;
    }
  }
}
