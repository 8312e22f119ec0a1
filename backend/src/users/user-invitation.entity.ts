import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { User } from './user.entity';

/**
 * A one-time link through which a person chooses the password of an account an admin opened (or reset). Only the
 * token's SHA-256 digest is kept: whoever reads the table cannot use a pending invitation. Single use (`usedAt`),
 * valid until `expiresAt`; a new invitation or a password set otherwise voids the pending ones.
 */
@Entity('user_invitations')
export class UserInvitation extends BaseEntity {
  @Index('ix_user_invitations_user')
  @Column({ type: 'uuid' })
  userId: string;

  @Index('uq_user_invitations_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
