import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Plan } from './plan.entity';

/** « ORIENTATION 4 : Obtenir plus de visibilité dans le quartier ». */
@Entity('orientations')
@Index('ix_orientations_plan', ['planId', 'position'])
export class Orientation extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
