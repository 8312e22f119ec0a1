import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Plan } from '@backend/plans/plan.entity';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import { EVALUATION_KINDS, EVALUATION_STATES, EvaluationKind, EvaluationState } from './evaluation-kind';

/** A mid-term or final evaluation of a plan: its snapshot at the cut-off and the state of the committee's work on it. */
@Entity('evaluations')
@Index('ix_evaluations_plan', ['planId', 'cutoff'])
export class Evaluation extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'enum', enum: EVALUATION_KINDS, enumName: 'evaluation_kind' })
  kind: EvaluationKind;

  @Column({ type: 'date' })
  cutoff: string;

  @Column({ type: 'enum', enum: EVALUATION_STATES, enumName: 'evaluation_state', default: 'freezing' })
  state: EvaluationState;

  /** Null until the workers freeze it; written once, with the state, and never again. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: EvaluationSnapshot | null;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  // User ids without foreign keys: who opened or closed an evaluation stays on record even once the account is gone.
  @Column({ type: 'uuid' })
  openedBy: string;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
