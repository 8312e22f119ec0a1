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

  /** Unusable (users/password.ts) until the person chooses a password through an invitation, and after a reset by one. */
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

  /** A deactivated account cannot sign in, and its sessions end (the guard refuses it); an admin reactivates it. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Set when an admin gives a temporary password: the account signs in, but the API refuses everything except
   * reading itself and changing its password until it is changed (auth/auth.guard.ts).
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}
