import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Organization } from '@backend/organizations/organization.entity';
import { Objective } from './objective.entity';
import { POLICY_VALUES, PolicyValue } from './policy-value';
import { SCHEDULE_KINDS, ScheduleKind } from './schedule-kind';

/** « Moyens-actions »: what will be done for an objective. */
@Entity('actions')
@Index('ix_actions_plan', ['planId', 'position'])
export class Action extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'uuid' })
  objectiveId: string;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<Objective>;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  /** « Échéancier »: the kind, the parsed date or RRULE, and always the original text (« Annuel – août »). */
  @Column({ type: 'enum', enum: SCHEDULE_KINDS, enumName: 'schedule_kind', default: 'tbd' })
  scheduleKind: ScheduleKind;

  @Column({ type: 'date', nullable: true })
  scheduleDate: string | null;

  @Column({ type: 'text', nullable: true })
  scheduleRecurrence: string | null;

  @Column({ type: 'text', default: '' })
  scheduleText: string;

  /** « Ressources »: who carries it, as written (« Table de quartier et partenaires »). */
  @Column({ type: 'text', nullable: true })
  resources: string | null;

  @Column({ type: 'enum', enum: POLICY_VALUES, enumName: 'policy_value', array: true, default: '{}' })
  values: PolicyValue[];

  @ManyToMany(() => Organization)
  @JoinTable({
    name: 'action_organizations',
    joinColumn: { name: 'action_id' },
    inverseJoinColumn: { name: 'organization_id' },
  })
  responsibleOrganizations?: Relation<Organization[]>;
}
