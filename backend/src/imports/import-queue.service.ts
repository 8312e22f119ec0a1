import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { IMPORT_QUEUE, ImportJob, ImportPayload, JOB_RETENTION } from '@backend/queue/queues';

export const IMPORT_ATTEMPTS = 3;

/** Asks the workers to analyse or write an import; one job per import and generation of its options. */
@Injectable()
export class ImportQueueService {
  constructor(@InjectQueue(IMPORT_QUEUE) private readonly queue: Queue<ImportPayload>) {}

  async analyze(importId: string, generation: number): Promise<void> {
    await this.queue.add(ImportJob.Analyze, { importId, generation }, { jobId: `analyze-${importId}-${generation}`, attempts: IMPORT_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION });
  }

  async commit(importId: string, generation: number): Promise<void> {
    await this.queue.add(ImportJob.Commit, { importId, generation }, { jobId: `commit-${importId}-${generation}`, attempts: IMPORT_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION });
  }
}
