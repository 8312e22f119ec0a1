import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ArchivedRowActions, ArchivedSwitch, RestoreStatus, useArchiveAccess, useRestore } from '@/components/archive';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import { ORGANIZATIONS_PAGE_SIZE, useDebouncedValue, useOrganizations } from '@/features/organizations/hooks/use-organizations';
import { useDocumentTitle } from '@/lib/use-document-title';

export function OrganizationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organizations.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const page = parsePage(searchParams.get('page'));
  const { canSeeArchived, canRestore } = useArchiveAccess();
  // `?archived=1`: the archived organizations (admins and evaluators), each with « Restaurer » for admins.
  const archived = canSeeArchived && searchParams.get('archived') === '1';
  const restore = useRestore('organizations');
  const [draft, setDraft] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    // The URL changed under us (back button, nav link): the box follows it.
    setShownSearch(search);
    setDraft(search);
  }
  const debouncedDraft = useDebouncedValue(draft.trim(), 300);
  const lastTyped = useRef(debouncedDraft);

  // The URL holds the search that was run, so back, reload and a shared link show the same list.
  // Only what the user typed is written back, never a stale value racing a URL change.
  useEffect(() => {
    if (lastTyped.current === debouncedDraft) return;
    lastTyped.current = debouncedDraft;
    if (debouncedDraft !== search) {
      const params: Record<string, string> = debouncedDraft ? { q: debouncedDraft } : {};
      if (archived) params.archived = '1';
      setSearchParams(params, { replace: true });
    }
  }, [debouncedDraft, search, archived, setSearchParams]);

  const organizations = useOrganizations({ search, page, limit: ORGANIZATIONS_PAGE_SIZE, archived });
  const data = organizations.data;

  const goToPage = (next: number): void => {
    const params: Record<string, string> = { page: String(next) };
    if (search) params.q = search;
    if (archived) params.archived = '1';
    setSearchParams(params);
  };
  const showArchived = (next: boolean): void => {
    restore.clear();
    const params: Record<string, string> = search ? { q: search } : {};
    if (next) params.archived = '1';
    setSearchParams(params);
  };

  return (
    <>
      <div className="page-header">
        <h1>{t('organizations.title')}</h1>
      </div>
      {canSeeArchived ? <ArchivedSwitch archived={archived} onChange={showArchived} /> : null}
      {archived ? <p className="muted">{t('archive.archivedList')}</p> : null}
      <RestoreStatus restore={restore} />
      <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="organization-search">{t('organizations.search')}</label>
        <input
          id="organization-search"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      <p className="muted" role="status">
        {data ? t('organizations.count', { count: data.total }) : null}
      </p>
      {organizations.isPending ? <LoadingState /> : null}
      {organizations.isError ? <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <p className="empty">
          {search ? t('organizations.empty') : archived ? t('archive.emptyArchived') : t('organizations.emptyDirectory')}
        </p>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={organizations.isPlaceholderData}>
            <caption className="visually-hidden">{t('organizations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.name')}</th>
                <th scope="col">{t('organizations.acronym')}</th>
                <th scope="col">{t('organizations.network')}</th>
                <th scope="col">{t('organizations.sector')}</th>
                {archived ? <th scope="col">{t('archive.archived')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">
                    <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                  </th>
                  <td>{organization.acronym ?? t('common.none')}</td>
                  <td>
                    {organization.network ? t(`network.${organization.network}`, { defaultValue: organization.network }) : t('common.none')}
                  </td>
                  <td>{organization.sector ?? t('common.none')}</td>
                  {archived ? (
                    <td>
                      <ArchivedRowActions
                        id={organization.id}
                        name={organization.name}
                        archivedAt={organization.archivedAt}
                        restore={restore}
                        canRestore={canRestore}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <Pagination page={page} limit={data.limit || ORGANIZATIONS_PAGE_SIZE} total={data.total} onPageChange={goToPage} /> : null}
    </>
  );
}
