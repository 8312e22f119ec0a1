import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Evaluation } from '@backend/evaluations/evaluation.entity';
import { Plan } from '@backend/plans/plan.entity';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from './render/report-input';

export const REPORT_KINDS = ['evaluation', 'activity'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATES = ['queued', 'running', 'ready', 'failed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * A requested report and, once the workers have rendered it, its file: an evaluation's report (PDF, XLSX, CSV) or a
 * plan's annual activity report (PDF). At most one report in the works per evaluation, format and language (or plan,
 * year and language): a second request joins it.
 */
@Entity('reports')
@Index('ix_reports_evaluation', ['evaluationId', 'format', 'language', 'createdAt'])
@Index('ix_reports_plan', ['planId', 'kind', 'year', 'language', 'createdAt'])
@Index('uq_reports_evaluation_pending', ['evaluationId', 'format', 'language'], {
  unique: true,
  where: `kind = 'evaluation' AND state IN ('queued', 'running')`,
})
@Index('uq_reports_activity_pending', ['planId', 'year', 'format', 'language'], {
  unique: true,
  where: `kind = 'activity' AND state IN ('queued', 'running')`,
})
export class Report extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'uuid', nullable: true })
  evaluationId: string | null;

  @ManyToOne(() => Evaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<Evaluation>;

  @Column({ type: 'enum', enum: REPORT_KINDS, enumName: 'report_kind' })
  kind: ReportKind;

  /** The year of an activity report. */
  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'enum', enum: REPORT_FORMATS, enumName: 'report_format' })
  format: ReportFormat;

  @Column({ type: 'enum', enum: REPORT_LANGUAGES, enumName: 'report_language' })
  language: ReportLanguage;

  @Column({ type: 'enum', enum: REPORT_STATES, enumName: 'report_state', default: 'queued' })
  state: ReportState;

  /** 0–100, as the workers go. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** The rendered file; never loaded with the row (GET /api/reports/{id}/file reads it alone). */
  @Column({ type: 'bytea', nullable: true, select: false })
  file: Buffer | null;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /**
   * The last change of what the file was rendered from (the evaluation, its assessments, the mid-term it is compared
   * with), read with the data: a later change makes it stale.
   */
  @Column({ type: 'timestamptz', nullable: true })
  sourceChangedAt: Date | null;

  // A user id without a foreign key, as evaluations keep theirs: the request stays on record once the account is gone.
  @Column({ type: 'uuid' })
  requestedBy: string;
}
