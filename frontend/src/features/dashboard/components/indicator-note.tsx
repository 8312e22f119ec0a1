import { useTranslation } from 'react-i18next';
import './indicator-note.css';

/**
 * An indicator's note where its figure is shown: next to « Sans données » it says why there is none (the plan gives
 * no means to measure it), otherwise what a reader should know about the figure.
 */
export function IndicatorNote({ note, noData }: { note: string | null | undefined; noData: boolean }) {
  const { t } = useTranslation();
  if (!note) return null;
  return (
    <p className="indicator-note">
      <strong>{noData ? t('indicatorNote.whyNoData') : t('indicatorNote.label')}</strong> {note}
    </p>
  );
}
