import { Column, Entity, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { BaseEntity } from '@backend/common/base.entity';
import { ASSESSMENT_RATINGS, AssessmentRating } from './evaluation-kind';
import { Evaluation } from './evaluation.entity';

/** The committee's assessment of one objective in an evaluation: a rating, its comment and its recommendations. */
@Entity('evaluation_assessments')
@Unique('uq_evaluation_assessments_objective', ['evaluationId', 'objectiveId'])
export class Assessment extends BaseEntity {
  @Column({ type: 'uuid' })
  evaluationId: string;

  @ManyToOne(() => Evaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<Evaluation>;

  // No foreign key: the objective is the one frozen in the snapshot, and the assessment of a closed evaluation
  // outlives an objective later removed from the plan.
  @Column({ type: 'uuid' })
  objectiveId: string;

  @Column({ type: 'enum', enum: ASSESSMENT_RATINGS, enumName: 'assessment_rating' })
  rating: AssessmentRating;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text', nullable: true })
  recommendations: string | null;

  @Column({ type: 'uuid' })
  updatedBy: string;
}
