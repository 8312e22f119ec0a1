import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { EvidenceThumbnailsService } from '@backend/evidence/evidence-thumbnails.service';
import { EVIDENCE_QUEUE, EvidenceJob, ThumbnailPayload } from '@backend/queue/queues';
import { keepScheduled } from '../keep-scheduled';

/** How often the sweep looks for images left without a thumbnail (their job lost while Redis was down). */
export const THUMBNAIL_SWEEP_EVERY_MS = 5 * 60_000;

// One image at a time: decoding a large photo takes memory and a core the aggregation shares.
@Processor(EVIDENCE_QUEUE, { concurrency: 1 })
export class EvidenceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceProcessor.name);

  constructor(
    private readonly thumbnails: EvidenceThumbnailsService,
    @InjectQueue(EVIDENCE_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await keepScheduled(this.queue, 'sweep-thumbnails', EvidenceJob.Sweep, THUMBNAIL_SWEEP_EVERY_MS, this.logger);
  }

  async process(job: Job<ThumbnailPayload>): Promise<unknown> {
    if (job.name === EvidenceJob.Thumbnail) return { outcome: await this.thumbnails.make(job.data.evidenceId) };
    if (job.name === EvidenceJob.Sweep) {
      const ids = await this.thumbnails.missing();
      for (const id of ids) await this.thumbnails.request(id);
      return { requested: ids.length };
    }
    throw new UnrecoverableError(`unknown job ${job.name}`);
  }
}
