import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/progress-bar';
import type { ImportDto, ImportStatus } from '@/features/imports/api/imports-api';

const STATUS_TONE: Record<ImportStatus, string> = {
  analyzing: 'badge--outline',
  ready: 'badge--success',
  invalid: 'import-badge--danger',
  importing: 'badge--outline',
  done: 'badge--success',
  failed: 'import-badge--danger',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`imports.status.${status}`)}</span>;
}

/** The workers' progress while they analyse or import; a bar once they know how much there is to do. */
export function ImportProgressView({ dto }: { dto: ImportDto }) {
  const { t } = useTranslation();
  const phase = dto.status === 'importing' ? 'importing' : 'analyzing';
  const progress = dto.progress;
  if (!progress || progress.total <= 0) {
    return (
      <div className="import-progress" role="status">
        <span className="spinner" aria-hidden="true" />
        {t(`imports.progress.${phase}Waiting`)}
      </div>
    );
  }
  const percent = Math.round((Math.min(progress.done, progress.total) / progress.total) * 100);
  return (
    <div className="import-progress" aria-live="polite">
      <ProgressBar
        value={progress.done}
        max={progress.total}
        label={t(`imports.progress.${phase}`, { done: progress.done, total: progress.total, percent })}
      />
    </div>
  );
}

/** « 7 Ko », "1.2 MB": the file's size in the UI language. */
export function useFileSize(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-CA' : 'fr-CA';
  return (bytes) => {
    const format = (value: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    if (bytes < 1024) return t('imports.size.bytes', { value: format(bytes) });
    if (bytes < 1024 * 1024) return t('imports.size.kilobytes', { value: format(bytes / 1024) });
    return t('imports.size.megabytes', { value: format(bytes / (1024 * 1024)) });
  };
}
