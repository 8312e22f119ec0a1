import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { IMPORT_QUEUE, ImportJob, ImportPayload, JOB_RETENTION } from '@backend/queue/queues';

export const IMPORT_ATTEMPTS = 3;

/** Asks the workers to analyse or write an import; one job per import and generation of its options. */
@Injectable()
export class ImportQueueService {
  constructor(@InjectQueue(IMPORT_QUEUE) private readonly queue: Queue<ImportPayload>) {}

  analyze(importId: string, generation: number): Promise<void> {
    return this.add(ImportJob.Analyze, 'analyze', importId, generation);
  }

  commit(importId: string, generation: number): Promise<void> {
    return this.add(ImportJob.Commit, 'commit', importId, generation);
  }

  private async add(name: string, step: string, importId: string, generation: number): Promise<void> {
    await this.queue.add(
      name,
      { importId, generation },
      {
        jobId: `${step}-${importId}-${generation}`,
        attempts: IMPORT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        ...JOB_RETENTION,
      },
    );
  }
}
