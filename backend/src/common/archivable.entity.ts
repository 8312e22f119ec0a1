import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';

/**
 * Plans, questionnaires, indicators and organizations are archived, never deleted by an ordinary action (README,
 * « Nothing is erased »): an archived row is hidden from lists, still read by id (evaluations and reports that used
 * it still render), refused for writes, and restored by an admin. Archiving is an UPDATE through save(), so the
 * audit subscriber sees it.
 */
export abstract class ArchivableEntity extends BaseEntity {
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  archivedBy: string | null;

  // By name, not class: users import organizations, which are archivable.
  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'archived_by' })
  archivedByUser?: unknown;
}
