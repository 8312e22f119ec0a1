import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '@backend/common/errors';
import { CHUNK_BYTES, MAX_IMPORT_BYTES } from './import-kind';

/** Uploaded files, kept as ordered chunks in PostgreSQL: the workers read them back as a stream. */
@Injectable()
export class ImportFilesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a stream as the file of an import, in the caller's transaction; returns its size. Past MAX_IMPORT_BYTES
   * it stops with a 413 (the transaction then leaves nothing behind).
   */
  async store(em: EntityManager, importId: string, body: AsyncIterable<Buffer | string>): Promise<number> {
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await em.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [importId, seq, Buffer.concat(pending, pendingBytes)]);
      seq += 1;
      pending = [];
      pendingBytes = 0;
    };
    for await (const part of body) {
      const chunk = typeof part === 'string' ? Buffer.from(part) : part;
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) {
        throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, [{ field: 'file', message: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }]);
      }
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(CHUNK_BYTES - pendingBytes, chunk.length - offset);
        pending.push(chunk.subarray(offset, offset + take));
        pendingBytes += take;
        offset += take;
        if (pendingBytes === CHUNK_BYTES) await flush();
      }
    }
    await flush();
    return size;
  }

  /** The file, chunk by chunk, in order. */
  async *read(importId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq += 1) {
      const [row] = await this.db.query<{ data: Buffer }[]>('SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2', [importId, seq]);
      if (!row) return;
      yield row.data;
    }
  }

  /** The first bytes, to tell what the file is. */
  async head(importId: string): Promise<Buffer> {
    const [row] = await this.db.query<{ data: Buffer | null }[]>('SELECT substring(data FROM 1 FOR 65536) AS data FROM import_chunks WHERE import_id = $1 AND seq = 0', [importId]);
    return row?.data ?? Buffer.alloc(0);
  }

  /** The bytes in [start, end) (a workbook's zip directory, at its end), from the chunks that hold them. */
  async range(importId: string, start: number, end: number): Promise<Buffer> {
    if (end <= start) return Buffer.alloc(0);
    const first = Math.floor(start / CHUNK_BYTES);
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    const rows = await this.db.query<{ seq: number; data: Buffer }[]>(
      'SELECT seq, data FROM import_chunks WHERE import_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq', [importId, first, last]);
    const whole = Buffer.concat(rows.map((r) => r.data));
    const from = start - first * CHUNK_BYTES;
    return whole.subarray(from, from + (end - start));
  }

  /** The whole file, for documents small enough to read at once (plans, fiches). */
  async readAll(importId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(importId)) parts.push(part);
    return Buffer.concat(parts);
  }

  async discard(em: EntityManager, importId: string): Promise<void> {
    await em.query('DELETE FROM import_chunks WHERE import_id = $1', [importId]);
  }
}
