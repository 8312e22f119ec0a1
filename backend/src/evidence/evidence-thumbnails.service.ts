import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { EVIDENCE_QUEUE, EvidenceJob, JOB_RETENTION, ThumbnailPayload } from '@backend/queue/queues';
import { withDeadline } from '@backend/queue/with-deadline';
import { EvidenceStores } from './storage/evidence-stores';

/** The longest side of a thumbnail, in pixels: sharp on a list, small enough to send dozens at once. */
export const THUMBNAIL_SIZE = 320;
/** Past this many pixels an image is not decoded (a « decompression bomb » of a few kB can claim gigapixels). */
const MAX_INPUT_PIXELS = 50_000_000;
const ENQUEUE_DEADLINE_MS = 500;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Thumbnails of images attached as evidence, made by the workers: the API asks for one when an image is added and
 * never waits for it (nor fails without Redis); the workers' sweep makes those whose job was lost.
 */
@Injectable()
export class EvidenceThumbnailsService {
  private readonly logger = new Logger(EvidenceThumbnailsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stores: EvidenceStores,
    @InjectQueue(EVIDENCE_QUEUE) private readonly queue: Queue<ThumbnailPayload>,
  ) {}

  static wanted(mediaType: string): boolean {
    return IMAGE_TYPES.includes(mediaType);
  }

  /** Asks the workers for a thumbnail; a failure to ask is only logged: the sweep will find the image. */
  async request(evidenceId: string): Promise<void> {
    await withDeadline(
      this.queue.add(
        EvidenceJob.Thumbnail,
        { evidenceId },
        { jobId: `thumbnail-${evidenceId}`, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION },
      ),
      ENQUEUE_DEADLINE_MS,
    ).catch((err: Error) => this.logger.warn(`thumbnail of ${evidenceId} not queued (${err.message}); the sweep will make it`));
  }

  /** Makes and keeps one image's thumbnail (WebP, upright, within THUMBNAIL_SIZE); again is harmless. */
  async make(evidenceId: string): Promise<'made' | 'gone' | 'not_an_image'> {
    const [row] = await this.db.query<{ media_type: string; storage: 'postgres' | 's3'; storage_key: string }[]>(
      'SELECT media_type, storage, storage_key FROM evidence_files WHERE id = $1',
      [evidenceId],
    );
    if (!row) return 'gone';
    if (!EvidenceThumbnailsService.wanted(row.media_type)) return 'not_an_image';
    const store = this.stores.byName(row.storage);
    const bytes = store ? await store.get(this.db.manager, row.storage_key) : null;
    if (!bytes) throw new Error(`the bytes of evidence ${evidenceId} are not in its ${row.storage} store`);
    const thumbnail = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    await this.db.query(
      `INSERT INTO evidence_thumbnails (evidence_id, bytes) VALUES ($1, $2)
       ON CONFLICT (evidence_id) DO UPDATE SET bytes = EXCLUDED.bytes`,
      [evidenceId, thumbnail],
    );
    return 'made';
  }

  /** Images that have no thumbnail yet, oldest first: what a lost job left undone. */
  async missing(limit = 100): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT f.id FROM evidence_files f
        WHERE f.media_type = ANY($1) AND NOT EXISTS (SELECT 1 FROM evidence_thumbnails t WHERE t.evidence_id = f.id)
        ORDER BY f.created_at LIMIT $2`,
      [IMAGE_TYPES, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Which of these files have a thumbnail. */
  async withThumbnail(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query<{ evidence_id: string }[]>('SELECT evidence_id FROM evidence_thumbnails WHERE evidence_id = ANY($1)', [
      ids,
    ]);
    return new Set(rows.map((r) => r.evidence_id));
  }

  async thumbnail(evidenceId: string): Promise<Buffer | null> {
    const rows = await this.db.query<{ bytes: Buffer }[]>('SELECT bytes FROM evidence_thumbnails WHERE evidence_id = $1', [evidenceId]);
    return rows[0]?.bytes ?? null;
  }
}
