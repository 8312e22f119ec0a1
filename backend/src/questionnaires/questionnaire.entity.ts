import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { QUESTIONNAIRE_STATUSES, type QuestionnaireStatus } from '@repere/contract';
import { ArchivableEntity } from '@backend/common/archivable.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Plan } from '@backend/plans/plan.entity';
import type { Question, Translations } from './question.types';

// A questionnaire's statuses: declared once in @repere/contract.
export { QUESTIONNAIRE_STATUSES, type QuestionnaireStatus };

/**
 * « Questionnaire sur la fréquentation »: an instrument residents answer. `questions` is the working copy
 * evaluators edit; what residents see and answer is a frozen QuestionnaireVersion.
 */
@Entity('questionnaires')
export class Questionnaire extends ArchivableEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  /** The instrument (kind questionnaire) of the plan it is: how it feeds indicators. */
  @Column({ type: 'uuid', nullable: true })
  instrumentId: string | null;

  @ManyToOne(() => Instrument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id' })
  instrument?: Relation<Instrument>;

  /** In the public link and the QR code: /q/{slug}. */
  @Index('uq_questionnaires_slug', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'jsonb' })
  title: Translations;

  @Column({ type: 'jsonb', default: {} })
  description: Translations;

  @Column({ type: 'text' })
  defaultLanguage: string;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'jsonb', default: [] })
  questions: Question[];

  @Column({ type: 'enum', enum: QUESTIONNAIRE_STATUSES, enumName: 'questionnaire_status', default: 'draft' })
  status: QuestionnaireStatus;

  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** Kiosk mode: one shared tablet, one resident after another (« Nouvelle réponse », back to the start when idle). */
  @Column({ type: 'boolean', default: false })
  kiosk: boolean;

  /** The version residents get now; 0 until first published. */
  @Column({ type: 'int', default: 0 })
  currentVersion: number;
}
