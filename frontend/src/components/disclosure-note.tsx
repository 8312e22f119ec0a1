import { useTranslation } from 'react-i18next';
import { Heading, type HeadingLevel } from '@/components/heading';
import '@/components/disclosure-note.css';

/**
 * How the API protected the figures it published (GET /plans/{id}/progress `disclosure`, an evaluation's snapshot):
 * every count of people is moved by at most `maxDeviation` (D), a figure with 1 to k − 1 people behind it is hidden.
 */
export interface DisclosureParams {
  k: number;
  maxDeviation: number;
}

/** Which figures the legend speaks of: any (a plan's dashboard), computed from people, or entered by hand. */
export type DisclosureScope = 'all' | 'computed' | 'manual' | 'steps';

interface DisclosureNoteProps {
  disclosure: DisclosureParams | null | undefined;
  scope?: DisclosureScope;
  /** The figures shown are the true ones (evaluators' view): the legend says how they would be published. */
  unpublished?: boolean;
  /** The heading's id, for the section's name; one per page. */
  id?: string;
  level?: HeadingLevel;
  className?: string;
}

/**
 * The legend of protected figures, in the reader's language, with the deployment's k and D: which figures may
 * differ from the true ones and by how much, what « supprimé » means, and that manual values are exact.
 */
export function DisclosureNote({
  disclosure,
  scope = 'all',
  unpublished = false,
  id = 'disclosure-note-title',
  level = 2,
  className,
}: DisclosureNoteProps) {
  const { t } = useTranslation();
  if (!disclosure) return null;
  const { k, maxDeviation } = disclosure;
  const sentences: string[] = [];
  // Entered by hand, or counting work steps (not people): published exactly as they are.
  const exact = scope === 'manual' || scope === 'steps';
  if (!exact) {
    if (maxDeviation > 0) sentences.push(t('disclosure.perturbed', { d: maxDeviation }));
    // A figure whose perturbed count is under k is hidden; with k ≤ 1 nothing is.
    if (k > 1) sentences.push(t('disclosure.hidden', { count: k - 1, k }));
  }
  if (scope === 'manual') sentences.push(t('disclosure.manualOnly'));
  else if (scope === 'steps') sentences.push(t('disclosure.stepsOnly'));
  else if (scope === 'all') sentences.push(t('disclosure.manual'));
  if (sentences.length === 0) return null;
  return (
    <section className={['disclosure-note', className].filter(Boolean).join(' ')} aria-labelledby={id} data-testid="disclosure-note">
      <Heading level={level} id={id} className="disclosure-note__title">
        {t(unpublished ? 'disclosure.titleUnpublished' : 'disclosure.title')}
      </Heading>
      {unpublished && !exact ? <p className="disclosure-note__lead">{t('disclosure.trueFigures.legend')}</p> : null}
      <ul className="disclosure-note__list">
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The mark on every true figure: « Ne pas publier — chiffres réels, réservés aux évaluateurs ». Printed too, in
 * colour, so that a page or a screenshot of them can never pass for published figures.
 */
export function NotForPublicationMark({ detail = false, as: Tag = 'p' }: { detail?: boolean; as?: 'p' | 'div' }) {
  const { t } = useTranslation();
  return (
    <Tag
      className={detail ? 'not-for-publication not-for-publication--banner' : 'not-for-publication'}
      role="note"
      data-testid="not-for-publication"
    >
      <span className="not-for-publication__icon" aria-hidden="true">
        ⚠
      </span>{' '}
      <strong>{t('disclosure.trueFigures.mark')}</strong>
      {detail ? <span className="not-for-publication__detail">{t('disclosure.trueFigures.detail')}</span> : null}
    </Tag>
  );
}
