import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { User } from '@backend/users/user.entity';
import type { ImportProblem } from './import-problem';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, ImportFormat, ImportKind, ImportStatus } from './import-kind';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportResult {
  planId?: string;
  workCellId?: string;
  /** Rows or records created. */
  created: number;
  /** Rows already there (a response imported before) or merged (an organization already in the directory). */
  skipped: number;
}

/**
 * One uploaded file on its way in: its preview, its problems, then what it created. The file itself is kept in
 * import_chunks until the import is done or discarded.
 */
@Entity('imports')
@Index('ix_imports_created', ['createdAt'])
export class Import extends BaseEntity {
  @Column({ type: 'enum', enum: IMPORT_KINDS, enumName: 'import_kind' })
  kind: ImportKind;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status', default: 'analyzing' })
  status: ImportStatus;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column({ type: 'enum', enum: IMPORT_FORMATS, enumName: 'import_format', nullable: true })
  format: ImportFormat | null;

  /** Bumped by each change of options: a preview job of an older generation does not overwrite a newer one. */
  @Column({ type: 'int', default: 0 })
  generation: number;

  @Column({ type: 'jsonb', default: {} })
  options: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  progress: ImportProgress | null;

  @Column({ type: 'jsonb', nullable: true })
  preview: Record<string, unknown> | null;

  @Column({ type: 'jsonb', default: [] })
  problems: ImportProblem[];

  @Column({ type: 'int', default: 0 })
  problemCount: number;

  @Column({ type: 'jsonb', nullable: true })
  result: ImportResult | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
}
