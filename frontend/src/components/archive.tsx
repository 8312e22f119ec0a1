import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_READERS, isOneOf } from '@repere/contract';
import { useErrorMessage } from '@/components/query-state';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { api, call } from '@/lib/api/client';
import { formatDate } from '@/lib/format';

// Nothing is erased (issue 15): plans, questionnaires, indicators and organizations are archived. Lists hide them
// unless `?archived=true` (admins and evaluators: only the archived ones then), a row read by id says `archivedAt`,
// writes to it answer 410 `archived`, and an admin restores it (POST /{kind}/{id}/restore).

export type ArchivableKind = 'plans' | 'questionnaires' | 'indicators' | 'organizations';

export function useArchiveAccess(): { canSeeArchived: boolean; canRestore: boolean } {
  const me = useCurrentUser();
  const role = me.data?.role ?? '';
  return { canSeeArchived: isOneOf(ARCHIVE_READERS, role), canRestore: role === 'admin' };
}

export function restoreRecord(kind: ArchivableKind, id: string): Promise<unknown> {
  // One of four paths of openapi.json (the typecheck fails if a kind loses its route).
  const path = `/api/${kind}/{id}/restore` as const;
  return call(api.POST(path, { params: { path: { id } } }));
}

/** Every page that may show a restored record: its lists, its page, the dashboards and the workspace. */
const REFRESHED = [['plans'], ['questionnaires'], ['organizations'], ['dashboard'], ['workspace']] as const;

/** Restores one record and refreshes what shows it; `restored` names the last one brought back, for the message. */
export function useRestore(kind: ArchivableKind) {
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ id }: { id: string; name: string }) => restoreRecord(kind, id),
    onMutate: () => setRestored(null),
    onSuccess: async (_answer, { name }) => {
      setRestored(name);
      await Promise.all(REFRESHED.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  return { mutation, restored, clear: () => setRestored(null) };
}

/** « Actifs » / « Archivés »: which rows a list shows (admins and evaluators only: the caller checks). */
export function ArchivedSwitch({ archived, onChange }: { archived: boolean; onChange: (archived: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="archive-switch" role="group" aria-labelledby="archive-switch-label">
      <span id="archive-switch-label" className="archive-switch__label">
        {t('archive.show')}
      </span>
      {([false, true] as const).map((option) => (
        <button
          key={String(option)}
          type="button"
          className="button button--secondary"
          aria-pressed={archived === option}
          onClick={() => onChange(option)}
        >
          {t(option ? 'archive.archived' : 'archive.active')}
        </button>
      ))}
    </div>
  );
}

export function ArchivedBadge({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  return <span className="badge badge--archived">{t('archive.archivedOn', { date: formatDate(at, i18n.resolvedLanguage ?? 'fr') })}</span>;
}

/** The admins' « Restaurer » of one row of a list. */
export function RestoreButton({ name, pending, onRestore }: { name: string; pending: boolean; onRestore: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-label={t('archive.restoreNamed', { name })}
      disabled={pending}
      onClick={onRestore}
    >
      {pending ? t('archive.restoring') : t('archive.restore')}
    </button>
  );
}

/** One row of a list, archived: its mark, and the admins' « Restaurer » (pending for this row only). */
export function ArchivedRowActions({
  id,
  name,
  archivedAt,
  restore,
  canRestore,
  as: Tag = 'span',
}: {
  id: string;
  name: string;
  archivedAt: string | null | undefined;
  restore: ReturnType<typeof useRestore>;
  canRestore: boolean;
  as?: 'span' | 'p';
}) {
  return (
    <Tag className="archive-row__actions">
      {archivedAt ? <ArchivedBadge at={archivedAt} /> : null}
      {canRestore ? (
        <RestoreButton
          name={name}
          pending={restore.mutation.isPending && restore.mutation.variables?.id === id}
          onRestore={() => restore.mutation.mutate({ id, name })}
        />
      ) : null}
    </Tag>
  );
}

/** What a list says after a restore (or why it failed): a live region above the list. */
export function RestoreStatus({ restore }: { restore: ReturnType<typeof useRestore> }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  return (
    <div aria-live="polite">
      {restore.restored ? (
        <p className="alert alert--restored" role="status">
          {t('archive.restored', { name: restore.restored })}
        </p>
      ) : null}
      {restore.mutation.error ? (
        <p className="alert alert--error" role="alert">
          {messageFor(restore.mutation.error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * On a record's own page: « Archivé le … », what that means, and « Restaurer » for admins; once restored, a
 * confirmation. Render it whatever the record's state, so the confirmation outlives the refetch that clears archivedAt.
 */
export function ArchiveBanner({
  kind,
  id,
  name,
  archivedAt,
}: {
  kind: ArchivableKind;
  id: string;
  name: string;
  archivedAt: string | null | undefined;
}) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const { canRestore } = useArchiveAccess();
  const restore = useRestore(kind);
  if (!archivedAt) {
    return restore.restored ? (
      <p className="alert alert--restored" role="status">
        {t('archive.restoredHere')}
      </p>
    ) : null;
  }
  return (
    <div className="alert alert--archived" data-testid="archive-banner">
      <p>
        <ArchivedBadge at={archivedAt} />
      </p>
      <p>
        {t('archive.note')}
        {canRestore ? null : ` ${t('archive.noteRestore')}`}
      </p>
      {canRestore ? (
        <RestoreButton name={name} pending={restore.mutation.isPending} onRestore={() => restore.mutation.mutate({ id, name })} />
      ) : null}
      {restore.mutation.error ? (
        <p className="field__error" role="alert">
          {messageFor(restore.mutation.error)}
        </p>
      ) : null}
    </div>
  );
}
