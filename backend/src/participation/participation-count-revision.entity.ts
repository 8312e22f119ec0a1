import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ParticipationCount } from './participation-count.entity';

/** The history of a count: who changed it, when, and what it was before. */
@Entity('participation_count_revisions')
@Index('ix_participation_count_revisions', ['participationCountId', 'changedAt'])
export class ParticipationCountRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participationCountId: string;

  @ManyToOne(() => ParticipationCount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participation_count_id' })
  participationCount?: Relation<ParticipationCount>;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;

  /** The fields as they were before the change. */
  @Column({ type: 'jsonb' })
  previous: { activity: string; date: string; total: number; breakdown: unknown[]; instrumentId: string };
}
