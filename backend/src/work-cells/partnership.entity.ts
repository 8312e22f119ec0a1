import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { NETWORKS, Network } from '@backend/organizations/network';
import { Organization } from '@backend/organizations/organization.entity';
import { WorkCell } from './work-cell.entity';

/** « Partenaires impliqués »: an organization in a work cell, with the network and sector it stands for there. */
@Entity('partnerships')
@Index('ix_partnerships_cell', ['workCellId', 'position'])
@Index('ix_partnerships_organization', ['organizationId'])
export class Partnership extends BaseEntity {
  @Column({ type: 'uuid' })
  workCellId: string;

  @ManyToOne(() => WorkCell, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_cell_id' })
  workCell?: Relation<WorkCell>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'enum', enum: NETWORKS, enumName: 'network', nullable: true })
  network: Network | null;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
