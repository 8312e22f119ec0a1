import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EVALUATION_ACTIONS, EvaluationAction } from './evaluation-kind';
import { Evaluation } from './evaluation.entity';

/** Flat facts: the kind and cut-off opened, the objective and its rating, how many indicators were frozen. */
export type EventDetail = Record<string, string | number | null>;

/** The evaluation's history: appended, never edited, shown with it. */
@Entity('evaluation_events')
@Index('ix_evaluation_events', ['evaluationId', 'at'])
export class EvaluationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  evaluationId: string;

  @ManyToOne(() => Evaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<Evaluation>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Null for what the workers did (the freeze). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'enum', enum: EVALUATION_ACTIONS, enumName: 'evaluation_action' })
  action: EvaluationAction;

  /** What changed: the cut-off, the objective and its rating… */
  @Column({ type: 'jsonb', default: {} })
  detail: EventDetail;
}
