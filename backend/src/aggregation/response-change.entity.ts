import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A log of the months whose responses changed, written by triggers on `responses` (every INSERT, UPDATE and
 * DELETE statement, whoever runs it: the ingest, an import, a deletion cascading from a questionnaire), in the same
 * transaction as the change. A month's version is the sum of its weights: it only grows, and a recompute that read
 * it in the same snapshot as the responses knows exactly which months changed since (see IndicatorMonth). Entries
 * are appended, never updated, so concurrent writers never wait on each other; the reconcile job folds a month's
 * entries into one of the same total weight. No foreign key: a questionnaire's deletion logs its months too.
 */
@Entity('response_changes')
@Index('ix_response_changes_month', ['questionnaireId', 'month'])
export class ResponseChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  questionnaireId: string;

  /** First day of the month (America/Toronto) of the responses' answered_at. */
  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'bigint', default: 1 })
  weight: string;
}
