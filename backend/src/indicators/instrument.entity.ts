import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Action } from '@backend/plans/action.entity';
import { Plan } from '@backend/plans/plan.entity';
import { INSTRUMENT_KINDS, InstrumentKind } from './instrument-kind';

/** « Suivis »: a questionnaire, a participation count, a tally or a document that feeds indicators. */
@Entity('instruments')
@Index('ix_instruments_plan', ['planId', 'position'])
export class Instrument extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  /** The action whose « Suivis » cell named it, if any. */
  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @ManyToOne(() => Action, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'action_id' })
  action?: Relation<Action>;

  @Column({ type: 'enum', enum: INSTRUMENT_KINDS, enumName: 'instrument_kind' })
  kind: InstrumentKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
