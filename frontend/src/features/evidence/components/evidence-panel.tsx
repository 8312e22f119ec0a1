import './evidence.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, type HeadingLevel } from '@/components/heading';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { EvidenceOwnerKind } from '@/features/evidence/api/evidence-api';
import { EvidenceForm } from '@/features/evidence/components/evidence-form';
import { EvidenceList } from '@/features/evidence/components/evidence-list';
import { useEvidence } from '@/features/evidence/hooks/use-evidence';

export { EvidenceList } from '@/features/evidence/components/evidence-list';

export interface EvidencePanelProps {
  ownerKind: EvidenceOwnerKind;
  ownerId: string;
  /** Whether the user may add and remove this record's files (the API's rule: evidence-owners.ts). */
  canWrite: boolean;
  /** « Pièces justificatives » unless told. */
  heading?: string;
  /** h3 unless told: the level that follows the page's outline where the panel sits. */
  level?: HeadingLevel;
}

/** The list (loaded when shown) and, for writers, the form: a panel's or a disclosure's content. */
function EvidenceContent({ ownerKind, ownerId, canWrite, enabled }: EvidencePanelProps & { enabled: boolean }) {
  const { t } = useTranslation();
  const owner = { ownerKind, ownerId };
  const query = useEvidence(owner, enabled);
  // The form waits behind its button: a plan's page holds many panels, and most visits only read.
  const [adding, setAdding] = useState(false);
  const formId = useId();
  return (
    <>
      {query.isPending && enabled ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.length === 0 ? <p className="empty evidence__empty">{t('evidence.empty')}</p> : null}
      {query.data && query.data.length > 0 ? <EvidenceList items={query.data} canArchive={canWrite} /> : null}
      {canWrite ? (
        <button
          type="button"
          className="button button--ghost evidence__add"
          aria-expanded={adding}
          aria-controls={adding ? formId : undefined}
          onClick={() => setAdding(!adding)}
        >
          {t('evidence.addTitle')}
        </button>
      ) : null}
      {canWrite && adding ? <EvidenceForm id={formId} owner={owner} /> : null}
    </>
  );
}

/** A record's files, by date, loaded at once: for pages where they are the point (a « document » follow-up means). */
export function EvidencePanel({ heading, level = 3, ...props }: EvidencePanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    // A group, not a region: a plan's page holds many panels, some alike (two « Compte rendu » means), and landmarks
    // must be unique.
    <div className="evidence" role="group" aria-labelledby={headingId}>
      <Heading level={level} id={headingId} className="evidence__heading">
        {heading ?? t('evidence.heading')}
      </Heading>
      <EvidenceContent {...props} enabled />
    </div>
  );
}

/**
 * « Pièces justificatives » closed, asking the API only once opened: for pages of many records (a table of counts,
 * a work cell's steps, a plan's actions), which would otherwise fire one request per row at load. `context` names the
 * record for screen readers, where many disclosures read alike.
 */
export function EvidenceDisclosure({ context, ...props }: Omit<EvidencePanelProps, 'heading' | 'level'> & { context?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const query = useEvidence({ ownerKind: props.ownerKind, ownerId: props.ownerId }, opened);
  const count = query.data?.length;
  return (
    <details className="evidence evidence-disclosure" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>
        {count === undefined ? t('evidence.heading') : t('evidence.headingCount', { count })}
        {context ? <span className="visually-hidden"> — {context}</span> : null}
      </summary>
      {opened ? <EvidenceContent {...props} enabled /> : null}
    </details>
  );
}
