import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';

/**
 * One resident's answers to one version of a questionnaire: the raw truth every indicator is computed from.
 * No account, no address, no user agent. The idempotency key makes a resent answer land once.
 */
@Entity('responses')
@Index('uq_responses_idempotency', ['questionnaireId', 'idempotencyKey'], { unique: true })
// The months a recompute reads again (aggregation: only those whose responses changed), and the staff's list of
// responses, newest answered first. Every index costs each insert (bench/README.md): no other.
@Index('ix_responses_answered', ['questionnaireId', 'answeredAt'])
// The few rows a recompute reads from their JSON (see answer-codes.ts), found without a scan.
@Index('ix_responses_uncoded', ['questionnaireId', 'answeredAt'], { where: 'codes IS NULL' })
export class Response {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionnaireId: string;

  @Column({ type: 'int' })
  version: number;

  /** One foreign key for both columns (a second one on the questionnaire alone cost a check per row: bench:import). */
  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'questionnaire_id', referencedColumnName: 'questionnaireId', foreignKeyConstraintName: 'fk_responses_version' },
    { name: 'version', referencedColumnName: 'version' },
  ])
  questionnaireVersion?: Relation<QuestionnaireVersion>;

  @Column({ type: 'text' })
  language: string;

  /** When the server committed it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  /** When it was answered: the receipt time, or the row's date for imported responses. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  answeredAt: Date;

  /**
   * The month it was answered in, in its plan's time zone (plans.time_zone): a recompute groups a million responses by
   * it, and converting every timestamp took a third of that scan. The writers that know the zone give it (the ingest,
   * imports); a trigger fills it for any other insert and when answered_at changes (migration PlanTimeZones).
   */
  @Column({ type: 'date', select: false })
  answeredMonth?: string;

  @Column({ type: 'uuid' })
  idempotencyKey: string;

  /** SHA-256 of the canonical body (32 bytes): a retry with the same key must carry the same body. Null when imported. */
  @Column({ type: 'bytea', nullable: true })
  bodyHash: Buffer | null;

  /** The import that wrote it (imports of past responses); null for a resident's own. */
  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  /**
   * The answers as validated against the version, keyed by the version's short answer keys (answer-keys.ts:
   * toStoredAnswers, fromStoredAnswers; in SQL, response_answers_by_id).
   */
  @Column({ type: 'jsonb' })
  answers: Record<string, AnswerValue>;

  /**
   * A fixed random key in [−2^31, 2^31), drawn by the database on insert (migration DisclosureControl): a cell's
   * key is the sum of its responses' keys, from which its published figure's perturbation is read (disclosure/cell-key.ts).
   */
  @Column({ type: 'int', default: () => 'random_record_key()', select: false })
  recordKey?: number;

  /** The answers as a few bytes, at offsets the version gives (answer-codes.ts); null: read them from the JSON. */
  @Column({ type: 'bytea', nullable: true, select: false })
  codes?: Buffer | null;
}
