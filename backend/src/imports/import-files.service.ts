import { HttpStatus, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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
      await em.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [
        importId,
        seq,
        Buffer.concat(pending, pendingBytes),
      ]);
      seq += 1;
      pending = [];
      pendingBytes = 0;
    };
    for await (const part of body) {
      const chunk = typeof part === 'string' ? Buffer.from(part) : part;
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) {
        throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, [
          { field: 'file', message: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
        ]);
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

  /**
   * The file, piece by piece, in order: one COPY of its chunks in PostgreSQL's binary format, on a connection of its
   * own. A query per chunk sent each one as hex text that JavaScript decoded again (1.4 s of a million-row import,
   * bench:import); the binary COPY hands over the bytes as they are, in one stream.
   */
  async *read(importId: string): AsyncGenerator<Buffer> {
    const client = await ((this.db.driver as PostgresDriver).master as Pool).connect();
    let finished = false;
    try {
      const stream = client.query(
        copyTo(`COPY (SELECT data FROM import_chunks WHERE import_id = ${literal(importId)} ORDER BY seq) TO STDOUT (FORMAT binary)`),
      );
      const fields = new BinaryCopyFields();
      for await (const part of stream as AsyncIterable<Buffer>) yield* fields.push(part);
      fields.end();
      finished = true;
    } finally {
      // A reader that stops early (a wrong header) leaves the COPY mid-way: that connection is closed, not reused.
      client.release(finished ? undefined : new Error('file reading abandoned'));
    }
  }

  /** The first bytes, to tell what the file is. */
  async head(importId: string): Promise<Buffer> {
    const [row] = await this.db.query<{ data: Buffer | null }[]>(
      'SELECT substring(data FROM 1 FOR 65536) AS data FROM import_chunks WHERE import_id = $1 AND seq = 0',
      [importId],
    );
    return row?.data ?? Buffer.alloc(0);
  }

  /** The bytes in [start, end) (a workbook's zip directory, at its end), from the chunks that hold them. */
  async range(importId: string, start: number, end: number): Promise<Buffer> {
    if (end <= start) return Buffer.alloc(0);
    const first = Math.floor(start / CHUNK_BYTES);
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    const rows = await this.db.query<{ seq: number; data: Buffer }[]>(
      'SELECT seq, data FROM import_chunks WHERE import_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [importId, first, last],
    );
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

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Reads the output of `COPY (SELECT one bytea column) TO STDOUT (FORMAT binary)` as it streams: after its header, each
 * row is a field count (16 bits), then the field's length (32 bits) and its bytes; a count of -1 ends it. Yields each
 * field's bytes, in as many pieces as they arrived in (a piece is never copied).
 */
export class BinaryCopyFields {
  private pending: Buffer = Buffer.alloc(0);
  private header = true;
  /** Bytes of the current field still to come. */
  private remaining = 0;
  private done = false;

  *push(part: Buffer): Generator<Buffer> {
    let buf = this.pending.length === 0 ? part : Buffer.concat([this.pending, part]);
    this.pending = Buffer.alloc(0);
    for (;;) {
      if (this.remaining > 0) {
        if (buf.length === 0) return;
        const take = Math.min(this.remaining, buf.length);
        this.remaining -= take;
        yield buf.subarray(0, take);
        buf = buf.subarray(take);
        continue;
      }
      if (this.header) {
        if (buf.length < SIGNATURE.length + 8) break;
        if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
        const extension = buf.readUInt32BE(SIGNATURE.length + 4);
        if (buf.length < SIGNATURE.length + 8 + extension) break;
        buf = buf.subarray(SIGNATURE.length + 8 + extension);
        this.header = false;
        continue;
      }
      if (buf.length < 2) break;
      const count = buf.readInt16BE(0);
      if (count === -1) {
        this.done = true;
        return;
      }
      if (count !== 1) throw new Error(`a binary COPY row of ${count} fields, not 1`);
      if (buf.length < 6) break;
      const length = buf.readInt32BE(2);
      buf = buf.subarray(6);
      if (length > 0) this.remaining = length;
    }
    this.pending = Buffer.from(buf);
  }

  /** Throws when the stream stopped before its end mark. */
  end(): void {
    if (!this.done) throw new Error('the binary COPY stream ended early');
  }
}
