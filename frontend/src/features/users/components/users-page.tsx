import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ROLES, type Role } from '@repere/contract';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState, useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useOrganizations } from '@/features/organizations/hooks/use-organizations';
import type { User, UserWithCredentials } from '@/features/users/api/users-api';
import { IssuedCredentials } from '@/features/users/components/issued-credentials';
import { USERS_PAGE_SIZE, useCreateUser, useResetUser, useUpdateUser, useUsers } from '@/features/users/hooks/use-users';
import { ApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import './users.css';

// The same rule the API applies to the email (class-validator's IsEmail, loosely): something@something.tld.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The organizations a picker offers: the API's largest page, which holds the directory of a deployment. */
const ORGANIZATION_PICKER = { search: '', page: 1, limit: 200 } as const;

type Way = 'invitation' | 'temporary_password';

function useOrganizationNames() {
  const organizations = useOrganizations(ORGANIZATION_PICKER);
  const items = organizations.data?.items ?? [];
  return { items, nameOf: (id: string | null) => items.find((o) => o.id === id)?.name ?? null };
}

function StatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.active) return <span className="badge badge--muted">{t('users.status.deactivated')}</span>;
  if (user.invited) return <span className="badge badge--outline">{t('users.status.invited')}</span>;
  if (user.mustChangePassword) return <span className="badge badge--outline">{t('users.status.temporary')}</span>;
  return <span className="badge badge--success">{t('users.status.active')}</span>;
}

function OrganizationSelect({
  id,
  value,
  onChange,
  required,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const { items } = useOrganizationNames();
  return (
    <div className="field">
      <label htmlFor={id}>{required ? t('users.organizationRequired') : t('users.organization')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('users.noOrganization')}</option>
        {items.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CreateField = 'email' | 'displayName' | 'role' | 'organizationId';

function CreateUserForm({ onIssued }: { onIssued: (issued: UserWithCredentials) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const messageFor = useErrorMessage();
  const fieldMessage = useFieldErrorMessage();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('partner');
  const [organizationId, setOrganizationId] = useState('');
  const [way, setWay] = useState<Way>('invitation');
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found: Partial<Record<CreateField, string>> = {};
    if (!EMAIL_PATTERN.test(email.trim())) found.email = t('auth.emailInvalid');
    if (role === 'partner' && !organizationId) found.organizationId = t('users.errors.organizationRequired');
    setErrors(found);
    const first = (['email', 'organizationId'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`user-${first}`)?.focus();
      return;
    }
    create.mutate(
      {
        email: email.trim(),
        displayName: displayName.trim() || null,
        role,
        organizationId: organizationId || null,
        credentials: way,
      },
      {
        onSuccess: (issued) => {
          setEmail('');
          setDisplayName('');
          setOrganizationId('');
          onIssued(issued);
        },
      },
    );
  };

  const apiError = create.error instanceof ApiError ? create.error : null;
  const errorFor = (field: CreateField): string | undefined => {
    if (errors[field]) return errors[field];
    const fromApi = apiError?.errors.find((fieldError) => fieldError.field === field);
    return fromApi ? fieldMessage(fromApi, apiError) : undefined;
  };
  const described = (field: CreateField) => (errorFor(field) ? { 'aria-invalid': true, 'aria-describedby': `user-${field}-error` } : {});
  const errorText = (field: CreateField) =>
    errorFor(field) ? (
      <p id={`user-${field}-error`} className="field__error">
        {errorFor(field)}
      </p>
    ) : null;

  return (
    <section className="users-create" aria-labelledby="users-create-title">
      <h2 id="users-create-title">{t('users.create.title')}</h2>
      {create.error ? (
        <div className="alert alert--error" role="alert">
          <p>{messageFor(create.error)}</p>
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="user-email">{t('users.email')}</label>
          <input
            id="user-email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            {...described('email')}
          />
          {errorText('email')}
        </div>
        <div className="field">
          <label htmlFor="user-displayName">{t('users.displayName')}</label>
          <input
            id="user-displayName"
            type="text"
            autoComplete="off"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            {...described('displayName')}
          />
          {errorText('displayName')}
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select id="user-role" value={role} onChange={(event) => setRole(event.target.value as Role)} {...described('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          {errorText('role')}
        </div>
        <OrganizationSelect
          id="user-organizationId"
          value={organizationId}
          onChange={setOrganizationId}
          required={role === 'partner'}
          error={errorFor('organizationId')}
        />
        <fieldset>
          <legend>{t('users.create.way')}</legend>
          {(['invitation', 'temporary_password'] as const).map((w) => (
            <label key={w} className="choice">
              <input type="radio" name="way" value={w} checked={way === w} onChange={() => setWay(w)} />
              <span>{t(`users.create.ways.${w}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={create.isPending} aria-busy={create.isPending}>
          {t('users.create.submit')}
        </button>
      </form>
    </section>
  );
}

/** One account's role, organization, activation and reset. */
function ManageUser({
  user,
  isSelf,
  onIssued,
  onClose,
}: {
  user: User;
  isSelf: boolean;
  onIssued: (i: UserWithCredentials) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetUser();
  const messageFor = useErrorMessage();
  const [role, setRole] = useState<Role>(user.role);
  const [organizationId, setOrganizationId] = useState(user.organizationId ?? '');
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = user.displayName ? `${user.displayName} (${user.email})` : user.email;

  useEffect(() => {
    headingRef.current?.focus();
  }, [user.id]);

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    reset.reset();
    update.mutate(
      { id: user.id, body: { role, organizationId: organizationId || null } },
      { onSuccess: () => setDone(t('users.manage.saved')) },
    );
  };
  const setActive = (active: boolean): void => {
    reset.reset();
    update.mutate(
      { id: user.id, body: { active } },
      { onSuccess: () => setDone(active ? t('users.manage.reactivated') : t('users.manage.deactivated')) },
    );
  };
  const resetWith = (credentials: Way): void => {
    update.reset();
    setDone(null);
    reset.mutate({ id: user.id, credentials }, { onSuccess: onIssued });
  };
  const error = update.error ?? reset.error;
  const organizationError = update.error instanceof ApiError && update.error.errors.some((e) => e.field === 'organizationId');

  return (
    <section className="user-manage" aria-labelledby="user-manage-title">
      <h2 id="user-manage-title" ref={headingRef} tabIndex={-1}>
        {t('users.manage.title', { name })}
      </h2>
      <p role="status">{done ?? ''}</p>
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{messageFor(error)}</p>
        </div>
      ) : null}
      <form className="form" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor="manage-role">{t('users.role')}</label>
          <select id="manage-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <OrganizationSelect
          id="manage-organization"
          value={organizationId}
          onChange={setOrganizationId}
          required={role === 'partner'}
          error={organizationError ? t('users.errors.organizationRequired') : undefined}
        />
        <p className="muted">{t('users.manage.sessionsEnd')}</p>
        <div className="user-manage__actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {t('users.manage.save')}
          </button>
        </div>
      </form>
      <h3>{t('users.manage.accessTitle')}</h3>
      <div className="user-manage__actions">
        {user.active ? (
          <>
            <button type="button" className="button button--secondary" disabled={reset.isPending} onClick={() => resetWith('invitation')}>
              {t('users.manage.resetInvitation')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={reset.isPending}
              onClick={() => resetWith('temporary_password')}
            >
              {t('users.manage.resetPassword')}
            </button>
            {isSelf ? null : (
              <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => setActive(false)}>
                {t('users.manage.deactivate')}
              </button>
            )}
          </>
        ) : (
          <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => setActive(true)}>
            {t('users.manage.reactivate')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('users.manage.close')}
        </button>
      </div>
    </section>
  );
}

/** « Utilisateurs » (admins): the staff accounts, opening one by invitation or temporary password, managing each. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const users = useUsers(page);
  const { nameOf } = useOrganizationNames();
  const [issued, setIssued] = useState<UserWithCredentials | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const data = users.data;
  const selected = data?.items.find((u) => u.id === selectedId) ?? null;

  return (
    <>
      <div className="page-header">
        <h1>{t('users.title')}</h1>
      </div>
      <p className="muted">{t('users.intro')}</p>
      {issued ? <IssuedCredentials issued={issued} onDismiss={() => setIssued(null)} /> : null}
      <CreateUserForm onIssued={setIssued} />
      <h2>{t('users.listTitle')}</h2>
      <p className="muted" role="status">
        {data ? t('users.count', { count: data.total }) : null}
      </p>
      {users.isPending ? <LoadingState /> : null}
      {users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={users.isPlaceholderData}>
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.account')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.organization')}</th>
                <th scope="col">{t('users.statusLabel')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.email}
                    {user.displayName ? <span className="muted"> — {user.displayName}</span> : null}
                  </th>
                  <td>{t(`role.${user.role}`, { defaultValue: user.role })}</td>
                  <td>{nameOf(user.organizationId) ?? t('common.none')}</td>
                  <td>
                    <StatusBadge user={user} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-expanded={selectedId === user.id}
                      aria-controls={selectedId === user.id ? 'user-manage' : undefined}
                      onClick={() => setSelectedId(selectedId === user.id ? null : user.id)}
                    >
                      {t('users.manageButton')}
                      <span className="visually-hidden"> {user.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pagination
          page={page}
          limit={data.limit || USERS_PAGE_SIZE}
          total={data.total}
          onPageChange={(next) => setSearchParams({ page: String(next) })}
        />
      ) : null}
      {selected ? (
        <div id="user-manage">
          <ManageUser
            key={selected.id}
            user={selected}
            isSelf={selected.id === me.data?.id}
            onIssued={setIssued}
            onClose={() => setSelectedId(null)}
          />
        </div>
      ) : null}
    </>
  );
}
