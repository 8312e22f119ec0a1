import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AnswerKeys } from '@backend/responses/answer-keys';
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

  /**
   * Question id → the short key its answers are stored under (answer-keys.ts). Assigned by the database when the
   * version is written (trigger in migration CompactResponses), never by the application: one rule, one place.
   */
  @Column({ type: 'jsonb', insert: false, update: false })
  answerKeys: AnswerKeys;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
