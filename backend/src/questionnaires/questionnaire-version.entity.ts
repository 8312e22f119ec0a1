import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Question, Translations } from './question.types';
import { Questionnaire } from './questionnaire.entity';

/** A published state of a questionnaire. Once a response refers to it, it is never rewritten. */
@Entity('questionnaire_versions')
@Index('uq_questionnaire_versions', ['questionnaireId', 'version'], { unique: true })
export class QuestionnaireVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionnaireId: string;

  @ManyToOne(() => Questionnaire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionnaire_id' })
  questionnaire?: Relation<Questionnaire>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: {} })
  description: Translations;

  @Column({ type: 'text' })
  defaultLanguage: string;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'jsonb' })
  questions: Question[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
