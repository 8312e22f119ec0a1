import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EvidenceStorage } from './evidence-storage';

/**
 * The default store: the bytes in PostgreSQL (`evidence_blobs`), so a deployment has one thing to back up
 * (`npm run backup` takes them with the rest) and an upload is one transaction.
 */
@Injectable()
export class PostgresEvidenceStorage implements EvidenceStorage {
  readonly name = 'postgres' as const;

  async put(em: EntityManager, key: string, bytes: Buffer): Promise<void> {
    await em.query('INSERT INTO evidence_blobs (key, bytes) VALUES ($1, $2)', [key, bytes]);
  }

  async get(em: EntityManager, key: string): Promise<Buffer | null> {
    const rows = await em.query<{ bytes: Buffer }[]>('SELECT bytes FROM evidence_blobs WHERE key = $1', [key]);
    return rows[0]?.bytes ?? null;
  }
}
