import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { WorkCell } from './work-cell.entity';

/** « Étapes des travaux ». */
@Entity('work_steps')
@Index('ix_work_steps_cell', ['workCellId', 'position'])
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
}
