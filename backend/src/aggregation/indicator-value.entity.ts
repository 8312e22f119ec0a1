import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Indicator } from '@backend/indicators/indicator.entity';

/**
 * A computed cell of an indicator's series: one period at one grain, for the whole population
 * (dimension and category '') or one ADS+ category. Rebuilt from the raw rows by the workers; never edited.
 * `num / den` is the value (× 100 for shares and ratios); cumulative figures run from the plan's start.
 */
@Entity('indicator_values')
@Index('ix_indicator_values_lookup', ['indicatorId', 'grain', 'dimension', 'periodStart'])
export class IndicatorValue {
  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @PrimaryColumn({ type: 'text' })
  grain: string;

  @PrimaryColumn({ type: 'date' })
  periodStart: string;

  @PrimaryColumn({ type: 'text' })
  dimension: string;

  @PrimaryColumn({ type: 'text' })
  category: string;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'int' })
  n: number;

  @Column({ type: 'double precision', nullable: true })
  cumulativeValue: number | null;

  @Column({ type: 'int' })
  cumulativeN: number;

  /** Too few people behind it (or hidden so that a neighbour cannot be recovered): served as null. */
  @Column({ type: 'boolean' })
  suppressed: boolean;

  @Column({ type: 'boolean' })
  cumulativeSuppressed: boolean;

  /**
   * What everyone below evaluator is shown (disclosure/protect-cells.ts): the true figures above perturbed by the
   * cell-key method, null when suppressed. Manual values are published as entered.
   */
  @Column({ type: 'double precision', nullable: true })
  publishedValue: number | null;

  @Column({ type: 'int', nullable: true })
  publishedN: number | null;

  @Column({ type: 'double precision', nullable: true })
  publishedCumulativeValue: number | null;

  @Column({ type: 'int', nullable: true })
  publishedCumulativeN: number | null;
}
