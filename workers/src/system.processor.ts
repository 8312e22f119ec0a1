import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PingPayload, SYSTEM_QUEUE, SystemJob } from '@backend/queue/queues';

/** Thin by design: domain work lives in backend services; this answers liveness pings. */
@Processor(SYSTEM_QUEUE)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  async process(job: Job<PingPayload>): Promise<{ pong: true; pid: number; sentAt: string }> {
    if (job.name !== SystemJob.Ping) throw new UnrecoverableError(`unknown job ${job.name}`);
    this.logger.debug(`ping ${job.id}`);
    return { pong: true, pid: process.pid, sentAt: job.data.sentAt };
  }
}
