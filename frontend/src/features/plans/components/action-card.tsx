import { useTranslation } from 'react-i18next';
import { Heading, nextLevel, type HeadingLevel } from '@/components/heading';
import { RichText } from '@/components/rich-text';
import { useCan } from '@/features/auth/hooks/use-can';
import { EvidenceDisclosure, EvidencePanel } from '@/features/evidence/components/evidence-panel';
import { canAddEvidence } from '@/features/evidence/hooks/can-add-evidence';
import type { Action, Schedule } from '@/features/plans/api/plans-api';
import { byPosition } from '@/features/plans/components/by-position';
import { IndicatorList } from '@/features/plans/components/indicator-list';
import { PlanPart, ResultList } from '@/features/plans/components/plan-part';
import { formatDate } from '@/lib/format';

function ScheduleView({ schedule }: { schedule: Schedule }) {
  const { t, i18n } = useTranslation();
  const badge =
    schedule.kind === 'date' && schedule.date
      ? formatDate(schedule.date, i18n.resolvedLanguage ?? 'fr')
      : t(`scheduleKind.${schedule.kind}`, { defaultValue: schedule.kind });
  const showText = schedule.text.trim() !== '' && schedule.text.trim().toLowerCase() !== badge.toLowerCase();
  return (
    <>
      {showText ? <span>{schedule.text}</span> : null}
      {showText ? ' ' : null}
      <span className={`badge badge--schedule badge--${schedule.kind}`}>
        {schedule.kind === 'date' && schedule.date ? <time dateTime={schedule.date}>{badge}</time> : badge}
      </span>
    </>
  );
}

interface ActionCardProps {
  action: Action;
  number: number;
  level: HeadingLevel;
}

export function ActionCard({ action, number, level }: ActionCardProps) {
  const { t } = useTranslation();
  const sectionLevel = nextLevel(level);
  const results = byPosition(action.expectedResults);
  const headingId = `action-${action.id}`;
  const separator = t('common.listSeparator');
  const { user } = useCan();
  // The action's responsible organizations keep its evidence and its minutes (evidence-owners.ts).
  const canAttach = canAddEvidence(
    user,
    action.responsibleOrganizations.map((organization) => organization.id),
  );

  return (
    <article className="card action" aria-labelledby={headingId}>
      <Heading level={level} id={headingId} className="action__title">
        {t('plans.actionHeading', { number })}
      </Heading>
      <RichText text={action.description} className="action__description" />

      <dl className="facts facts--stacked">
        <div>
          <dt>{t('plans.schedule')}</dt>
          <dd>
            <ScheduleView schedule={action.schedule} />
          </dd>
        </div>
        {action.resources ? (
          <div>
            <dt>{t('plans.resources')}</dt>
            <dd>
              <RichText as="span" text={action.resources} />
            </dd>
          </div>
        ) : null}
        {action.responsibleOrganizations.length > 0 ? (
          <div>
            <dt>{t('plans.responsibleOrganizations')}</dt>
            <dd>
              {action.responsibleOrganizations
                .map((organization) => (organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name))
                .join(separator)}
            </dd>
          </div>
        ) : null}
        {action.values.length > 0 ? (
          <div>
            <dt>{t('plans.values')}</dt>
            <dd>
              <ul className="badges badges--list">
                {action.values.map((value) => (
                  <li key={value} className="badge badge--value">
                    {t(`policyValue.${value}`, { defaultValue: value })}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      {results.length > 0 ? (
        <PlanPart className="action__part" level={sectionLevel} title={t('plans.expectedResults')}>
          <ResultList results={results} />
        </PlanPart>
      ) : null}

      {action.indicators.length > 0 ? (
        <PlanPart className="action__part" level={sectionLevel} title={t('plans.indicators')}>
          <IndicatorList indicators={action.indicators} />
        </PlanPart>
      ) : null}

      {action.instruments.length > 0 ? (
        <PlanPart className="action__part" level={sectionLevel} title={t('plans.instruments')}>
          <ul className="instruments">
            {action.instruments.map((instrument) => (
              <li key={instrument.id}>
                <span className="instrument__name">{instrument.name}</span>{' '}
                <span className="badge badge--outline">{t(`instrumentKind.${instrument.kind}`, { defaultValue: instrument.kind })}</span>
                {instrument.description ? <RichText text={instrument.description} className="muted small" /> : null}
                {/* A « document » follow-up means is its documents (compte rendu, procès-verbal): listed at once, by date. */}
                {instrument.kind === 'document' ? (
                  <EvidencePanel
                    ownerKind="instrument"
                    ownerId={instrument.id}
                    canWrite={canAttach}
                    heading={t('evidence.documentsOf', { name: instrument.name })}
                    level={nextLevel(sectionLevel)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </PlanPart>
      ) : null}

      <EvidenceDisclosure ownerKind="action" ownerId={action.id} canWrite={canAttach} context={t('evidence.ofAction', { number })} />
    </article>
  );
}
