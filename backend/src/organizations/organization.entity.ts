import { Column, Entity, Index } from 'typeorm';
import { ArchivableEntity } from '@backend/common/archivable.entity';
import { NETWORKS, Network } from './network';

@Entity('organizations')
export class Organization extends ArchivableEntity {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  /** Lower-case, accent-free name: organizations with the same key are the same organization. */
  @Index('uq_organizations_name_key', { unique: true })
  @Column({ type: 'text' })
  nameKey: string;

  @Column({ type: 'enum', enum: NETWORKS, enumName: 'network', nullable: true })
  network: Network | null;

  @Column({ type: 'text', nullable: true })
  sector: string | null;
}
