import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EVIDENCE_INLINE_TYPES, EVIDENCE_MEDIA_TYPES, type EvidenceMediaType, type EvidenceOwnerKind } from '@repere/contract';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { archivedWhere, archiveRow } from '@backend/common/archive';
import { ApiError, notFound } from '@backend/common/errors';
import { evidenceConfig } from '@backend/config/configuration';
import { slug } from '@backend/reports/render/report-format';
import { AddEvidenceQuery, EvidenceOwnerQuery } from './dto/evidence-query.dto';
import { EvidenceFile } from './evidence-file.entity';
import { assertMayWrite, ownerPlan } from './evidence-owners';
import { sniffEvidence } from './sniff-evidence';
import { EvidenceThumbnailsService } from './evidence-thumbnails.service';
import { EvidenceStores } from './storage/evidence-stores';

export interface EvidenceView {
  id: string;
  ownerKind: EvidenceOwnerKind;
  ownerId: string;
  planId: string;
  title: string;
  date: string;
  mediaType: EvidenceMediaType;
  fileName: string;
  size: number;
  sha256: string;
  url: string;
  /** An image's thumbnail once the workers have made it. */
  thumbnailUrl: string | null;
  addedBy: string | null;
  addedByName: string | null;
  createdAt: string;
  archivedAt: string | null;
}

/** A file to send: its bytes and the headers that keep it from running anything in the reader's browser. */
export interface EvidenceDownload {
  bytes: Buffer;
  mediaType: EvidenceMediaType;
  fileName: string;
  inline: boolean;
}

const ACCEPTED = 'PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, GIF or WebP';

/**
 * Evidence behind figures: files attached to a manual value, a participation count, a work step, an action or an
 * assessment. Every staff role reads them (the committee opens them from an evaluation); writers per record are in
 * evidence-owners.ts. The type is decided from the bytes, the size is bounded (EVIDENCE_MAX_BYTES), and removing a
 * file archives it. Additions and removals are audit events (audit.subscriber.ts).
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stores: EvidenceStores,
    private readonly thumbnails: EvidenceThumbnailsService,
    @Inject(evidenceConfig.KEY) private readonly config: ConfigType<typeof evidenceConfig>,
  ) {}

  /**
   * Stores an upload. The record and the right to write to it are checked before a byte is read; past the size limit
   * the read stops with a 413; the bytes must be one of the accepted types (415). Row and bytes in one transaction.
   */
  async add(q: AddEvidenceQuery, body: AsyncIterable<Buffer | string>, user: AuthUser): Promise<EvidenceView> {
    const planId = await ownerPlan(this.db.manager, q.ownerKind, q.ownerId);
    await assertMayWrite(this.db.manager, q.ownerKind, q.ownerId, user);
    const bytes = await this.readUpTo(body);
    if (bytes.length === 0) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'empty_file', 'file: the body is empty', [
        { field: 'file', message: 'the body is empty' },
      ]);
    }
    const mediaType = sniffEvidence(bytes);
    if (!mediaType) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', `file: not a ${ACCEPTED} file, from its bytes`, [
        { field: 'file', message: `its bytes are not those of a ${ACCEPTED} file (the name and the declared type are not trusted)` },
      ]);
    }
    const id = await this.db.transaction(async (em) => {
      const key = randomUUID();
      const storage = this.stores.current;
      await storage.put(em, key, bytes, mediaType);
      const row = em.create(EvidenceFile, {
        ownerKind: q.ownerKind,
        ownerId: q.ownerId,
        planId,
        title: q.title.trim(),
        date: q.date,
        mediaType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest(),
        storage: storage.name,
        storageKey: key,
        addedBy: user.id,
        archivedAt: null,
        archivedBy: null,
      });
      return (await em.save(row)).id;
    });
    if (EvidenceThumbnailsService.wanted(mediaType)) await this.thumbnails.request(id);
    return this.get(id);
  }

  /** A record's evidence, by date (then as added); archived files only with `?archived=true` (admins, evaluators). */
  async list(q: EvidenceOwnerQuery, user: AuthUser): Promise<EvidenceView[]> {
    const archived = archivedWhere(q, user);
    const rows = await this.db.manager.find(EvidenceFile, {
      where: { ownerKind: q.ownerKind, ownerId: q.ownerId, archivedAt: archived },
      order: { date: 'ASC', createdAt: 'ASC' },
    });
    return this.views(rows);
  }

  async get(id: string): Promise<EvidenceView> {
    const row = await this.db.manager.findOneBy(EvidenceFile, { id });
    if (!row) throw notFound('Evidence', id);
    return (await this.views([row]))[0];
  }

  /** The file itself; archived ones too (an evaluation closed before the removal still names them). */
  async download(id: string): Promise<EvidenceDownload> {
    const row = await this.db.manager.findOneBy(EvidenceFile, { id });
    if (!row) throw notFound('Evidence', id);
    const storage = this.stores.byName(row.storage);
    if (!storage) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'unavailable',
        `Evidence ${id} is kept in a ${row.storage} store this server is not configured for`,
      );
    }
    const bytes = await storage.get(this.db.manager, row.storageKey);
    if (!bytes)
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `The file of evidence ${id} is missing from its store (${row.storage})`);
    return { bytes, mediaType: row.mediaType, fileName: fileNameOf(row), inline: EVIDENCE_INLINE_TYPES.includes(row.mediaType) };
  }

  /** An image's thumbnail (WebP); 404 while the workers have not made it, or for a file that is no image. */
  async thumbnail(id: string): Promise<Buffer> {
    const bytes = await this.thumbnails.thumbnail(id);
    if (!bytes) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `Evidence ${id} has no thumbnail (yet)`);
    return bytes;
  }

  /** Archives a file (its bytes are kept): by those who may add evidence to its record. */
  async remove(id: string, user: AuthUser): Promise<void> {
    const row = await this.db.manager.findOneBy(EvidenceFile, { id });
    if (!row) throw notFound('Evidence', id);
    await assertMayWrite(this.db.manager, row.ownerKind, row.ownerId, user);
    await archiveRow(this.db.manager, EvidenceFile, id, 'Evidence', user);
  }

  /** Reads the body into memory, stopping at the limit: evidence files are small enough to hold whole. */
  private async readUpTo(body: AsyncIterable<Buffer | string>): Promise<Buffer> {
    const max = this.config.maxBytes;
    const parts: Buffer[] = [];
    let size = 0;
    for await (const part of body) {
      const chunk = typeof part === 'string' ? Buffer.from(part) : part;
      size += chunk.length;
      if (size > max) {
        const mb = Math.round((max / 1024 / 1024) * 10) / 10;
        throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'too_large', `file: larger than ${mb} MB`, [
          { field: 'file', message: `larger than ${mb} MB` },
        ]);
      }
      parts.push(chunk);
    }
    return Buffer.concat(parts, size);
  }

  private async views(rows: EvidenceFile[]): Promise<EvidenceView[]> {
    const userIds = [...new Set(rows.map((r) => r.addedBy).filter((u): u is string => !!u))];
    const names = new Map<string, string>();
    if (userIds.length > 0) {
      const users = await this.db.manager.query<{ id: string; name: string }[]>(
        'SELECT id, coalesce(display_name, email) AS name FROM users WHERE id = ANY($1)',
        [userIds],
      );
      for (const u of users) names.set(u.id, u.name);
    }
    const thumbnails = await this.thumbnails.withThumbnail(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      ownerKind: r.ownerKind,
      ownerId: r.ownerId,
      planId: r.planId,
      title: r.title,
      date: r.date,
      mediaType: r.mediaType,
      fileName: fileNameOf(r),
      size: r.size,
      sha256: r.sha256.toString('hex'),
      url: `/api/evidence/${r.id}/file`,
      thumbnailUrl: thumbnails.has(r.id) ? `/api/evidence/${r.id}/thumbnail` : null,
      addedBy: r.addedBy,
      addedByName: r.addedBy ? (names.get(r.addedBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      archivedAt: r.archivedAt ? r.archivedAt.toISOString() : null,
    }));
  }
}

/** « 2022-03-12-compte-rendu-de-la-rencontre.pdf »: the date first, so a folder of them sorts by date. */
function fileNameOf(row: Pick<EvidenceFile, 'date' | 'title' | 'mediaType'>): string {
  return `${row.date}-${slug(row.title) || 'document'}.${EVIDENCE_MEDIA_TYPES[row.mediaType]}`;
}
