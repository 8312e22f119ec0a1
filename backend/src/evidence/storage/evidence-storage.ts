import type { EntityManager } from 'typeorm';
import type { EvidenceStorageName } from '../evidence-file.entity';

/**
 * Where evidence files' bytes are kept. The row that names a file (evidence_files) is written in a transaction; a
 * store that is the database writes the bytes in that same transaction (`em`), so a failed upload leaves nothing;
 * another store is written first and forgotten if the transaction fails (an unnamed object, never served).
 */
export interface EvidenceStorage {
  readonly name: EvidenceStorageName;
  put(em: EntityManager, key: string, bytes: Buffer, mediaType: string): Promise<void>;
  /** The bytes, or null when the store has none under that key. */
  get(em: EntityManager, key: string): Promise<Buffer | null>;
}
