import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/query-state';
import type { PlanInfo } from '@/features/evaluations/api/evaluations-api';
import { REPORT_LANGUAGES, requestActivityReport, type ReportLanguage } from '@/features/evaluations/api/reports-api';
import { type Job, ReportJob } from '@/features/evaluations/components/reports-panel';
import { todayInPlanZone } from '@/lib/plan-today';

/** The years an activity report can be asked for: those the plan has run in, up to this one. */
function planYears(plan: PlanInfo): number[] {
  // This year is the plan's: on 31 December evening in Vancouver it is already next year in UTC.
  const now = Number(todayInPlanZone(plan.timeZone).slice(0, 4));
  const first = plan.startDate ? Number(plan.startDate.slice(0, 4)) : now;
  const last = Math.min(plan.endDate ? Number(plan.endDate.slice(0, 4)) : now, now);
  const years: number[] = [];
  for (let year = last; year >= first; year -= 1) years.push(year);
  return years;
}

/**
 * « Rapport d'activité annuel » (PDF): the plan's actions and schedule, the work steps done in the year, its
 * participation totals and indicator values. Rendered by the workers, followed and offered like the evaluation reports.
 */
export function ActivityReportPanel({ plan }: { plan: PlanInfo }) {
  const { t, i18n } = useTranslation();
  const messageFor = useErrorMessage();
  const ids = { heading: useId(), year: useId(), language: useId() };
  const years = planYears(plan);
  const [year, setYear] = useState<number | undefined>(years[0]);
  const [language, setLanguage] = useState<ReportLanguage>(i18n.resolvedLanguage === 'en' ? 'en' : 'fr');
  const [job, setJob] = useState<Job | null>(null);
  const request = useMutation({
    mutationFn: (asked: { year: number; language: ReportLanguage }) => requestActivityReport(plan.id, asked.year, asked.language),
    onSuccess: (report, asked) => setJob({ format: 'pdf', language: asked.language, reportId: report.reportId ?? report.id }),
  });
  const ask = (): void => {
    if (year === undefined) return;
    setJob(null);
    request.mutate({ year, language });
  };

  return (
    <section className="eval-panel eval-reports" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('evaluations.activity.heading')}</h2>
      <p className="muted">{t('evaluations.activity.intro')}</p>
      <div className="eval-reports__controls">
        <div className="field">
          <label htmlFor={ids.year}>{t('evaluations.activity.year')}</label>
          <select id={ids.year} value={year ?? ''} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('evaluations.reports.language')}</label>
          <select id={ids.language} value={language} onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'fr')}>
            {REPORT_LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {t(`evaluations.reports.languages.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="eval-reports__buttons">
          <button type="button" className="button button--secondary" disabled={request.isPending || year === undefined} onClick={ask}>
            {t('evaluations.activity.request')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {request.isError ? (
          <div className="alert alert--error" role="alert">
            <p>{messageFor(request.error)}</p>
          </div>
        ) : null}
        {job ? <ReportJob job={job} onRetry={ask} /> : null}
      </div>
    </section>
  );
}
