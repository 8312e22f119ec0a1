import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  limit: number;
  total: number;
  onPageChange: (page: number) => void;
}

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / Math.max(limit, 1)));
}

export function Pagination({ page, limit, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = pageCount(total, limit);
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button--secondary" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </button>
      <span className="pagination__status" aria-live="polite">
        {t('pagination.status', { page, pages })}
      </span>
      <button type="button" className="button button--secondary" onClick={() => onPageChange(page + 1)} disabled={page >= pages}>
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}

/** Reads a 1-based page number from the URL, tolerating junk. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
