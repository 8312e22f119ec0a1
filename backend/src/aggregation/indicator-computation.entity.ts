import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Indicator } from '@backend/indicators/indicator.entity';

/** When each indicator was last computed, and from which state of its inputs: what the reconcile job compares. */
@Entity('indicator_computations')
export class IndicatorComputation {
  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  /**
   * Counts and newest change times of its inputs, read in the same snapshot as the values: when the
   * reconcile job reads a different fingerprint, something changed that this computation did not see.
   */
  @Column({ type: 'text' })
  inputsFingerprint: string;
}
