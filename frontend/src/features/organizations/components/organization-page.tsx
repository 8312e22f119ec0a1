import './organization-page.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { NETWORKS, ORGANIZATION_TEXT_MAX, type Network } from '@repere/contract';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import { canEditOrganization, useCan } from '@/features/auth/hooks/use-can';
import type { Organization, OrganizationChanges } from '@/features/organizations/api/organizations-api';
import { useOrganization, useUpdateOrganization } from '@/features/organizations/hooks/use-organizations';
import { ApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';

type Field = 'name' | 'acronym' | 'network' | 'sector';

interface Fields {
  name: string;
  acronym: string;
  network: Network | '';
  sector: string;
}

type FieldProblems = Partial<Record<Field, string>>;

const fieldsOf = (organization: Organization): Fields => ({
  name: organization.name,
  acronym: organization.acronym ?? '',
  network: organization.network ?? '',
  sector: organization.sector ?? '',
});

const characters = (text: string): number => [...text].length;

/** UpdateOrganizationDto's rules, with the contract's limits. */
function useCheck(): (form: Fields) => FieldProblems {
  const { t } = useTranslation();
  return (form) => {
    const problems: FieldProblems = {};
    if (form.name.trim() === '') problems.name = t('organizations.mine.nameRequired');
    else if (characters(form.name.trim()) > ORGANIZATION_TEXT_MAX.name)
      problems.name = t('organizations.mine.tooLong', { max: ORGANIZATION_TEXT_MAX.name });
    if (characters(form.acronym.trim()) > ORGANIZATION_TEXT_MAX.acronym)
      problems.acronym = t('organizations.mine.tooLong', { max: ORGANIZATION_TEXT_MAX.acronym });
    if (characters(form.sector.trim()) > ORGANIZATION_TEXT_MAX.sector)
      problems.sector = t('organizations.mine.tooLong', { max: ORGANIZATION_TEXT_MAX.sector });
    return problems;
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const fieldId = (field: Field): string => `organization-${field}`;

function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const check = useCheck();
  const save = useUpdateOrganization(organization.id);
  const [form, setForm] = useState<Fields>(() => fieldsOf(organization));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const own = attempted ? check(form) : {};

  // The API's answer, in the user's language: a name another record has (409) lands on the name, a change refused
  // (403: not this partner's organization) is said plainly, field errors beside their fields.
  const apiProblems: FieldProblems = {};
  let general: string | null = null;
  if (save.error instanceof ApiError) {
    if (save.error.statusCode === 403) general = t('organizations.mine.forbidden');
    else if (save.error.code === 'already_exists') apiProblems.name = t('organizations.mine.alreadyExists');
    else {
      for (const error of save.error.errors) {
        const field = error.field.split('.')[0] as Field;
        if (field in fieldsOf(organization) && !apiProblems[field]) apiProblems[field] = error.message;
      }
      if (Object.keys(apiProblems).length === 0) general = messageFor(save.error);
    }
  } else if (save.error) general = messageFor(save.error);
  const problemOf = (field: Field): string | null => own[field] ?? apiProblems[field] ?? null;

  const update = (patch: Partial<Fields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(false);
    if (save.isError) save.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = check(form);
    setAttempted(true);
    const first = (Object.keys(found) as Field[])[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    const body: OrganizationChanges = {
      name: form.name.trim(),
      acronym: orNull(form.acronym),
      network: form.network || null,
      sector: orNull(form.sector),
    };
    save.mutate(body, {
      onSuccess: (result) => {
        setForm(fieldsOf(result));
        setAttempted(false);
        setSaved(true);
      },
    });
  };

  const describedBy = (field: Field, hint?: boolean): string | undefined =>
    [hint ? `${fieldId(field)}-hint` : null, problemOf(field) ? `${fieldId(field)}-error` : null].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    problemOf(field) ? (
      <p id={`${fieldId(field)}-error`} className="field__error">
        {problemOf(field)}
      </p>
    ) : null;
  const text = (field: Exclude<Field, 'network'>, label: string, max: number, hint?: string) => (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      <input
        id={fieldId(field)}
        type="text"
        autoComplete="off"
        maxLength={max}
        value={form[field]}
        aria-invalid={problemOf(field) ? true : undefined}
        aria-describedby={describedBy(field, Boolean(hint))}
        onChange={(event) => update({ [field]: event.target.value })}
      />
      {hint ? (
        <p id={`${fieldId(field)}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      {error(field)}
    </div>
  );

  return (
    <form className="form org-form" onSubmit={onSubmit} noValidate aria-label={t('organizations.mine.formLabel')}>
      {text('name', t('organizations.name'), ORGANIZATION_TEXT_MAX.name)}
      <div className="org-form__row">
        {text('acronym', t('organizations.acronym'), ORGANIZATION_TEXT_MAX.acronym, t('organizations.mine.acronymHint'))}
        <div className="field">
          <label htmlFor={fieldId('network')}>{t('organizations.network')}</label>
          <select
            id={fieldId('network')}
            value={form.network}
            aria-invalid={problemOf('network') ? true : undefined}
            aria-describedby={describedBy('network')}
            onChange={(event) => update({ network: event.target.value as Fields['network'] })}
          >
            <option value="">{t('organizations.mine.noNetwork')}</option>
            {NETWORKS.map((network) => (
              <option key={network} value={network}>
                {t(`network.${network}`)}
              </option>
            ))}
          </select>
          {error('network')}
        </div>
      </div>
      {text('sector', t('organizations.sector'), ORGANIZATION_TEXT_MAX.sector, t('organizations.mine.sectorHint'))}
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('organizations.mine.saving') : t('organizations.mine.save')}
        </button>
      </div>
      <div aria-live="polite">
        {saved ? (
          <p className="alert org-status--saved" role="status">
            {t('organizations.mine.saved')}
          </p>
        ) : null}
        {general ? (
          <p className="alert alert--error" role="alert">
            {general}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** What the record says, for those who may not change it. */
function OrganizationFacts({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--stacked">
      <div>
        <dt>{t('organizations.acronym')}</dt>
        <dd>{organization.acronym ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('organizations.network')}</dt>
        <dd>{organization.network ? t(`network.${organization.network}`) : t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('organizations.sector')}</dt>
        <dd>{organization.sector ?? t('common.none')}</dd>
      </div>
    </dl>
  );
}

/** One organization's record: a form for those the API lets change it (admins, evaluators, its own partners), facts otherwise. */
function OrganizationView({ id, mine }: { id: string; mine: boolean }) {
  const { t } = useTranslation();
  const organization = useOrganization(id);
  const { user, pending } = useCan();
  const title = mine ? t('organizations.mine.title') : (organization.data?.name ?? t('organizations.title'));
  useDocumentTitle(title);

  if (organization.isPending || pending) return <LoadingState />;
  if (organization.isError) return <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
  const record = organization.data;
  // An archived record answers 410 to a change: an admin restores it first (from the directory's archived list).
  const editable = canEditOrganization(user, record.id) && !record.archivedAt;

  return (
    <article className="organization">
      <p className="breadcrumb">
        <Link to="/organizations">
          <span aria-hidden="true">← </span>
          {t('organizations.mine.backToList')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{title}</h1>
        {mine ? <p className="lead">{record.name}</p> : null}
        {mine ? <p className="muted">{t('organizations.mine.intro')}</p> : null}
      </header>
      {record.archivedAt ? (
        <p className="alert org-notice" role="note">
          {t('errors.codes.archived')}
        </p>
      ) : null}
      {editable ? <OrganizationForm key={record.id} organization={record} /> : <OrganizationFacts organization={record} />}
    </article>
  );
}

/** /organizations/:id */
export function OrganizationPage() {
  const { id = '' } = useParams();
  return <OrganizationView id={id} mine={false} />;
}

/** /my-organization: « Mon organisme », the record of the organization the signed-in partner acts for. */
export function MyOrganizationPage() {
  const { t } = useTranslation();
  const { user, pending } = useCan();
  useDocumentTitle(t('organizations.mine.title'));
  if (pending) return <LoadingState />;
  if (!user?.organizationId) {
    return (
      <article className="organization">
        <header className="page-header">
          <h1>{t('organizations.mine.title')}</h1>
        </header>
        <p className="alert org-notice" role="note">
          {t('organizations.mine.noOrganization')}
        </p>
      </article>
    );
  }
  return <OrganizationView id={user.organizationId} mine />;
}
