import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Organization } from '@backend/organizations/organization.entity';

export interface BreakdownCell {
  dimension: string;
  category: string;
  count: number;
}

/** « Nombre de participants »: a count for an activity on a date, optionally broken down by ADS+ category. */
@Entity('participation_counts')
@Index('uq_participation_counts_idempotency', ['idempotencyKey'], { unique: true })
@Index('ix_participation_counts_instrument', ['instrumentId', 'date'])
export class ParticipationCount extends BaseEntity {
  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => Instrument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id' })
  instrument?: Relation<Instrument>;

  /** The organization that recorded it; partners see and edit their own. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  activity: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'jsonb', default: [] })
  breakdown: BreakdownCell[];

  @Column({ type: 'uuid' })
  idempotencyKey: string;

  @Column({ type: 'text' })
  bodyHash: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  /** A fixed random key drawn on insert, as a response's (disclosure/cell-key.ts): its cells' perturbation. */
  @Column({ type: 'int', default: () => 'random_record_key()', select: false })
  recordKey?: number;
}
