import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/progress-bar';
import { useErrorMessage } from '@/components/query-state';
import { REPORT_FORMATS, REPORT_LANGUAGES, type ReportFormat, type ReportLanguage } from '@/features/evaluations/api/reports-api';
import { useReportFile, useReportStatus, useRequestReport, type ReportRequest } from '@/features/evaluations/hooks/use-reports';
import { useObjectUrl } from '@/lib/use-object-url';

export interface Job extends ReportRequest {
  reportId: string;
}

const jobKey = ({ format, language }: ReportRequest): string => `${format}-${language}`;

export function ReportJob({ job, onRetry }: { job: Job; onRetry: () => void }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const status = useReportStatus(job.reportId);
  const file = useReportFile(status.data);
  const url = useObjectUrl(file.data);
  const names = { format: t(`evaluations.reports.format.${job.format}`), language: t(`evaluations.reports.languages.${job.language}`) };

  if (status.isError) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{messageFor(status.error)}</p>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('evaluations.reports.retry')}
        </button>
      </div>
    );
  }
  const report = status.data;
  if (!report || report.state === 'queued' || report.state === 'running') {
    const progress = report?.progress ?? 0;
    return (
      <ProgressBar
        value={progress}
        max={100}
        label={
          report?.state === 'running' ? t('evaluations.reports.running', { ...names, progress }) : t('evaluations.reports.queued', names)
        }
      />
    );
  }
  if (report.state === 'failed') {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('evaluations.reports.failed', names)}</p>
        {report.error ? <p className="small">{report.error}</p> : null}
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('evaluations.reports.retry')}
        </button>
      </div>
    );
  }
  if (file.isError) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{messageFor(file.error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void file.refetch()}>
          {t('evaluations.reports.retry')}
        </button>
      </div>
    );
  }
  if (!url) return <p className="muted">{t('evaluations.reports.fetching', names)}</p>;
  return (
    <p className="eval-report__ready">
      <a className="button button--primary" href={url} download={report.fileName}>
        <span aria-hidden="true">⬇</span>
        {t('evaluations.reports.download', names)}
      </a>
      <span className="muted small eval-report__file">{report.fileName}</span>
    </p>
  );
}

/**
 * PDF, Excel and CSV in French or English: asks the API, follows the workers' progress, then offers the file, fetched
 * with the session's token and handed to the browser as an object URL.
 */
export function ReportsPanel({ evaluationId }: { evaluationId: string }) {
  const { t, i18n } = useTranslation();
  const messageFor = useErrorMessage();
  const ids = { heading: useId(), language: useId() };
  const [language, setLanguage] = useState<ReportLanguage>(i18n.resolvedLanguage === 'en' ? 'en' : 'fr');
  // One line per format and language asked for; asking again replaces it (a changed assessment makes a new file).
  const [jobs, setJobs] = useState<Job[]>([]);
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const [asking, setAsking] = useState<Record<string, ReportRequest>>({});

  const settle = (request: ReportRequest): void => {
    setAsking((previous) => {
      const next = { ...previous };
      delete next[jobKey(request)];
      return next;
    });
  };
  const requestReport = useRequestReport(evaluationId, {
    onSuccess: (report, request) => {
      settle(request);
      setJobs((previous) => [
        ...previous.filter((job) => jobKey(job) !== jobKey(request)),
        { ...request, reportId: report.reportId ?? report.id },
      ]);
    },
    onError: (error, request) => {
      settle(request);
      setFailures((previous) => ({ ...previous, [jobKey(request)]: error }));
    },
  });

  const ask = (request: ReportRequest): void => {
    const key = jobKey(request);
    if (asking[key]) return;
    setAsking((previous) => ({ ...previous, [key]: request }));
    setFailures((previous) => {
      const next = { ...previous };
      delete next[key];
      return next;
    });
    setJobs((previous) => previous.filter((job) => jobKey(job) !== key));
    requestReport.mutate(request);
  };

  const nameOf = (format: ReportFormat, lang: ReportLanguage) => ({
    format: t(`evaluations.reports.format.${format}`),
    language: t(`evaluations.reports.languages.${lang}`),
  });

  return (
    <section className="eval-panel eval-reports" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('evaluations.reports.heading')}</h2>
      <p className="muted">{t('evaluations.reports.intro')}</p>
      <div className="eval-reports__controls">
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
        <div className="eval-reports__buttons" role="group" aria-label={t('evaluations.reports.formats')}>
          {REPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--secondary"
              disabled={Boolean(asking[jobKey({ format, language })])}
              onClick={() => ask({ format, language })}
            >
              {t(`evaluations.reports.format.${format}`)}
            </button>
          ))}
        </div>
      </div>
      <ul className="eval-reports__jobs" aria-live="polite">
        {Object.values(asking).map((request) => (
          <li key={`asking-${jobKey(request)}`}>
            <p className="muted">{t('evaluations.reports.requesting', nameOf(request.format, request.language))}</p>
          </li>
        ))}
        {Object.entries(failures).map(([key, error]) => (
          <li key={`failed-${key}`}>
            <div className="alert alert--error" role="alert">
              <p>{messageFor(error)}</p>
            </div>
          </li>
        ))}
        {jobs.map((job) => (
          <li key={job.reportId}>
            <ReportJob job={job} onRetry={() => ask({ format: job.format, language: job.language })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
