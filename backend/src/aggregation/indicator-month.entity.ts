import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Indicator } from '@backend/indicators/indicator.entity';
import type { MonthCell } from './cells';

/**
 * An indicator's sums for one month, before roll-up and suppression, with the version of the month's responses
 * they were computed from (ResponseChange). A recompute after new responses reads again only the months whose
 * version moved — usually the current one — instead of every response since the plan began. Never served.
 */
@Entity('indicator_months')
export class IndicatorMonth {
  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'bigint' })
  sourceVersion: string;

  /** What the definition was when these were computed: any other key means they are thrown away. */
  @Column({ type: 'text' })
  definitionKey: string;

  @Column({ type: 'jsonb' })
  cells: MonthCell[];
}
