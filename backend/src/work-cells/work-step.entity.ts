import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { WorkCell } from './work-cell.entity';

/** « Étapes des travaux ». */
@Entity('work_steps')
@Index('ix_work_steps_cell', ['workCellId', 'position'])
@Check('ck_work_steps_done_on', `"done" = ("done_on" IS NOT NULL)`)
export class WorkStep extends BaseEntity {
  @Column({ type: 'uuid' })
  workCellId: string;

  @ManyToOne(() => WorkCell, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_cell_id' })
  workCell?: Relation<WorkCell>;

  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'boolean', default: false })
  done: boolean;

  @Column({ type: 'text', nullable: true })
  phase: string | null;

  @Column({ type: 'date', nullable: true })
  date: string | null;

  /**
   * The day it was ticked, in its plan's time zone (set when ticked, cleared when unticked; evaluators and admins may
   * correct it): what a « work_steps_done » indicator reads period by period. Null exactly when not done.
   */
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;
}
