import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { Objective } from '@backend/plans/objective.entity';

/** « Cellule de travail »: partners working together on one (sub-)objective of a plan. */
@Entity('work_cells')
export class WorkCell extends BaseEntity {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  objectiveId: string | null;

  @ManyToOne(() => Objective, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<Objective>;

  /** The sub-objective as the fiche words it, which may differ from the plan's wording. */
  @Column({ type: 'text', nullable: true })
  objectiveText: string | null;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  /** As written (« Hiver 2021 »): a season is not a day. */
  @Column({ type: 'text', nullable: true })
  startDateText: string | null;

  @Column({ type: 'text', default: '' })
  mandate: string;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ type: 'text', nullable: true })
  partnersNote: string | null;
}
