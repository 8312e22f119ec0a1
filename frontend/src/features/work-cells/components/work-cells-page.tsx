import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import { WorkCellFacts } from '@/features/work-cells/components/work-cell-facts';
import { useWorkCells, WORK_CELLS_PAGE_SIZE } from '@/features/work-cells/hooks/use-work-cells';
import { useDocumentTitle } from '@/lib/use-document-title';

export function WorkCellsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workCells.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const cells = useWorkCells(page);

  return (
    <>
      <div className="page-header">
        <h1>{t('workCells.title')}</h1>
        {cells.data ? <p className="muted">{t('workCells.count', { count: cells.data.total })}</p> : null}
      </div>
      {cells.isPending ? <LoadingState /> : null}
      {cells.isError ? <ErrorState error={cells.error} onRetry={() => void cells.refetch()} /> : null}
      {cells.data && cells.data.items.length === 0 ? <p className="empty">{t('workCells.empty')}</p> : null}
      {cells.data && cells.data.items.length > 0 ? (
        <ul className="card-grid" aria-busy={cells.isPlaceholderData}>
          {cells.data.items.map((cell) => (
            <li key={cell.id} className="card">
              <h2 className="card__title">
                <Link to={`/work-cells/${cell.id}`}>{cell.name}</Link>
              </h2>
              <WorkCellFacts cell={cell} />
              <p className="muted">{t('workCells.partners', { count: cell.partnerCount })}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {cells.data ? (
        <Pagination
          page={page}
          limit={cells.data.limit || WORK_CELLS_PAGE_SIZE}
          total={cells.data.total}
          onPageChange={(next) => setSearchParams({ page: String(next) })}
        />
      ) : null}
    </>
  );
}
