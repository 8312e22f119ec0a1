import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Organization } from '@backend/organizations/organization.entity';
import { ROLES, Role } from './role';

@Entity('users')
export class User extends BaseEntity {
  /** Stored lower-case so that logins are case-insensitive. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  displayName: string | null;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role' })
  role: Role;

  /** A partner acts for one organization; others may belong to one too. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  /**
   * Signed into every session token (`ver`) and compared by the AuthGuard on each request: raised when the password,
   * the role or the organization changes, which ends every session opened before (auth/auth.guard.ts).
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}
