import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { ArchivableEntity } from '@backend/common/archivable.entity';
import { Organization } from '@backend/organizations/organization.entity';

/** « Politique / Plan d'action 2021/2023 ». */
@Entity('plans')
export class Plan extends ArchivableEntity {
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organization_id' })
  ownerOrganization?: Relation<Organization>;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  /** Defaults to the midpoint of the plan when not given (DOMAIN.md). */
  @Column({ type: 'date' })
  midtermDate: string;

  /**
   * The zone of the people the plan serves (IANA): its « today », its cut-offs and the months its responses fall in.
   * Changing it moves its responses to the months of the new zone (PlansService.update).
   */
  @Column({ type: 'text', default: 'America/Toronto' })
  timeZone: string;

  /**
   * The dates whose data count in the plan's figures: from `dataFrom` to `dataUntil`, the plan's own period when null.
   * An evaluator may widen it (a baseline survey before the start, a last event after the end).
   */
  @Column({ type: 'date', nullable: true })
  dataFrom: string | null;

  @Column({ type: 'date', nullable: true })
  dataUntil: string | null;
}

/** The dates that count in a plan's figures (Plan.dataFrom, Plan.dataUntil). */
export function dataPeriodOf(plan: Pick<Plan, 'startDate' | 'endDate' | 'dataFrom' | 'dataUntil'>): { from: string; until: string } {
  return { from: plan.dataFrom ?? plan.startDate, until: plan.dataUntil ?? plan.endDate };
}
