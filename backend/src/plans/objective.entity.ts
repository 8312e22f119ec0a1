import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Orientation } from './orientation.entity';
import { Plan } from './plan.entity';

/** « Objectif » or « sous-objectif » (3.2.1 nests under 3.2). */
@Entity('objectives')
@Index('ix_objectives_plan', ['planId', 'position'])
export class Objective extends BaseEntity {
  /** Denormalized from the orientation so a whole plan loads in one query and cross-plan links can be refused. */
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'uuid' })
  orientationId: string;

  @ManyToOne(() => Orientation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orientation_id' })
  orientation?: Relation<Orientation>;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Objective>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
