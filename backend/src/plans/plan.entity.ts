import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Organization } from '@backend/organizations/organization.entity';

/** « Politique / Plan d'action 2021/2023 ». */
@Entity('plans')
export class Plan extends BaseEntity {
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
}
