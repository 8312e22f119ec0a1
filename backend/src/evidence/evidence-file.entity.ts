import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { EvidenceMediaType, EvidenceOwnerKind } from '@repere/contract';
import { ArchivableEntity } from '@backend/common/archivable.entity';

/** Where a file's bytes are kept (storage/evidence-storage.ts). */
export type EvidenceStorageName = 'postgres' | 's3';

/**
 * A file behind a figure (minutes, an activity report, photos, a signed agreement), attached to one record and dated.
 * Its bytes are kept by the storage it names; removing it archives it: what an evaluation listed at its cut-off
 * stays readable.
 */
@Entity('evidence_files')
@Check(
  'ck_evidence_files_owner_kind',
  `"owner_kind" IN ('manual_value', 'participation_count', 'work_step', 'action', 'assessment', 'instrument')`,
)
@Check('ck_evidence_files_storage', `"storage" IN ('postgres', 's3')`)
@Check('ck_evidence_files_size', `"size" > 0`)
@Index('ix_evidence_files_owner', ['ownerKind', 'ownerId', 'date'])
@Index('ix_evidence_files_plan', ['planId', 'date'])
export class EvidenceFile extends ArchivableEntity {
  @Column({ type: 'text' })
  ownerKind: EvidenceOwnerKind;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne('Plan', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_evidence_files_plan' })
  plan?: unknown;

  @Column({ type: 'text' })
  title: string;

  /** The date of what the file shows (a meeting's, an event's), not of its upload (createdAt). */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  mediaType: EvidenceMediaType;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea' })
  sha256: Buffer;

  @Column({ type: 'text' })
  storage: EvidenceStorageName;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'added_by', foreignKeyConstraintName: 'fk_evidence_files_added_by' })
  addedByUser?: unknown;
}
