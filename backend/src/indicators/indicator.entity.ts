import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, Relation } from 'typeorm';
import { ArchivableEntity } from '@backend/common/archivable.entity';
import { Action } from '@backend/plans/action.entity';
import { ExpectedResult } from '@backend/plans/expected-result.entity';
import { Objective } from '@backend/plans/objective.entity';
import {
  DIMENSIONS,
  DIRECTIONS,
  Dimension,
  Direction,
  GRAINS,
  Grain,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  IndicatorKind,
  IndicatorStatus,
} from './indicator-kind';
import type { IndicatorSource } from './indicator-source';
import { Instrument } from './instrument.entity';

/** « Indicateurs de réussite »: what is measured, against which baseline and targets. */
@Entity('indicators')
@Index('ix_indicators_plan', ['planId'])
export class Indicator extends ArchivableEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'uuid' })
  objectiveId: string;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<Objective>;

  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @ManyToOne(() => Action, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'action_id' })
  action?: Relation<Action>;

  @Column({ type: 'uuid', nullable: true })
  expectedResultId: string | null;

  @ManyToOne(() => ExpectedResult, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'expected_result_id' })
  expectedResult?: Relation<ExpectedResult>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  /** What a reader should know about the figure; above all why there is none when the plan gives no means to measure it. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: INDICATOR_KINDS, enumName: 'indicator_kind', default: 'manual' })
  kind: IndicatorKind;

  @Column({ type: 'enum', enum: INDICATOR_STATUSES, enumName: 'indicator_status', default: 'draft' })
  status: IndicatorStatus;

  @Column({ type: 'double precision', nullable: true })
  baselineValue: number | null;

  @Column({ type: 'date', nullable: true })
  baselineDate: string | null;

  @Column({ type: 'double precision', nullable: true })
  midtermTarget: number | null;

  @Column({ type: 'double precision', nullable: true })
  finalTarget: number | null;

  @Column({ type: 'enum', enum: DIRECTIONS, enumName: 'direction', default: 'up' })
  direction: Direction;

  @Column({ type: 'enum', enum: GRAINS, enumName: 'grain', default: 'quarter' })
  grain: Grain;

  @Column({ type: 'enum', enum: DIMENSIONS, enumName: 'dimension', array: true, default: '{}' })
  dimensions: Dimension[];

  @Column({ type: 'int', default: 0 })
  position: number;

  /** What it is computed from; its shape depends on `kind` (indicator-source.ts). */
  @Column({ type: 'jsonb', default: {} })
  source: IndicatorSource;

  @ManyToMany(() => Instrument)
  @JoinTable({
    name: 'indicator_instruments',
    joinColumn: { name: 'indicator_id' },
    inverseJoinColumn: { name: 'instrument_id' },
  })
  instruments?: Relation<Instrument[]>;
}
