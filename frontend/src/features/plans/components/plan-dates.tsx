import { useTranslation } from 'react-i18next';
import type { OrganizationSummary } from '@/features/plans/api/plans-api';
import { formatDate } from '@/lib/format';

interface PlanDatesProps {
  plan: {
    /** Optional in the API's PlanDto (the relation is loaded only where a page needs it). */
    ownerOrganization?: OrganizationSummary | null;
    startDate: string | null;
    endDate: string | null;
    midtermDate: string | null;
  };
}

/** Owner, period and mid-term date, as a description list shared by the list and the plan page. */
export function PlanDates({ plan }: PlanDatesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const none = t('common.none');
  const owner = plan.ownerOrganization;
  return (
    <dl className="facts">
      <div>
        <dt>{t('plans.owner')}</dt>
        <dd>
          {owner ? (
            <>
              {owner.name}
              {owner.acronym ? ` (${owner.acronym})` : null}
            </>
          ) : (
            none
          )}
        </dd>
      </div>
      <div>
        <dt>{t('plans.period')}</dt>
        <dd>
          {t('plans.dateRange', {
            start: formatDate(plan.startDate, language) || none,
            end: formatDate(plan.endDate, language) || none,
          })}
        </dd>
      </div>
      <div>
        <dt>{t('plans.midterm')}</dt>
        <dd>{formatDate(plan.midtermDate, language) || none}</dd>
      </div>
    </dl>
  );
}
