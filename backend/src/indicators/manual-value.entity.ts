import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Indicator } from './indicator.entity';

/** A value of a manual indicator (« nombre de publications »), with the evidence behind it. */
@Entity('indicator_manual_values')
@Index('ix_manual_values_indicator', ['indicatorId', 'date'])
export class ManualValue extends BaseEntity {
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'uuid', nullable: true })
  enteredBy: string | null;
}
