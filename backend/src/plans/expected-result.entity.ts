import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Action } from './action.entity';
import { Objective } from './objective.entity';

/** « Résultats attendus ». */
@Entity('expected_results')
@Index('ix_expected_results_plan', ['planId', 'position'])
export class ExpectedResult extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'uuid' })
  objectiveId: string;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<Objective>;

  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id' })
  action?: Relation<Action>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
