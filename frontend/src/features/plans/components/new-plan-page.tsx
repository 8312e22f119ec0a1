import './new-plan.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { isRealDate, PLAN_TEXT_MAX, PLAN_WRITERS } from '@repere/contract';
import { LoadingState, useErrorMessage } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import { useCreatePlan } from '@/features/plans/hooks/use-create-plan';
import { ApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';

interface Fields {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  midtermDate: string;
}
type Field = keyof Fields;
const FIELDS: readonly Field[] = ['title', 'description', 'startDate', 'endDate', 'midtermDate'];
type Problem = 'titleRequired' | 'dateRequired' | 'dateInvalid' | 'endBeforeStart' | 'midtermOutside' | 'invalid';
/** The problem of each field, as a key of newPlan.errors. */
type Problems = Partial<Record<Field, Problem>>;

/** CreatePlanDto's rules, checked before sending: a title, two real dates in order, a mid-term date between them. */
function check(form: Fields): Problems {
  const problems: Problems = {};
  if (form.title.trim() === '') problems.title = 'titleRequired';
  if (!isRealDate(form.startDate)) problems.startDate = 'dateRequired';
  if (!isRealDate(form.endDate)) problems.endDate = 'dateRequired';
  else if (isRealDate(form.startDate) && form.endDate <= form.startDate) problems.endDate = 'endBeforeStart';
  if (form.midtermDate !== '') {
    if (!isRealDate(form.midtermDate)) problems.midtermDate = 'dateInvalid';
    else if (form.midtermDate <= form.startDate || form.midtermDate >= form.endDate) problems.midtermDate = 'midtermOutside';
  }
  return problems;
}

/** The fields the API refused (400 naming them): worded here, in the user's language. */
function serverProblems(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {};
  const problems: Problems = {};
  for (const { field } of error.errors) {
    const known = FIELDS.find((name) => name === field);
    if (known) problems[known] = 'invalid';
  }
  return problems;
}

const inputId = (field: Field) => `new-plan-${field}`;

/** /plans/new: a plan from scratch (title and dates); its orientations, objectives and actions come in the editor. */
export function NewPlanPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newPlan.title'));
  const navigate = useNavigate();
  const { can, pending } = useCan(PLAN_WRITERS);
  const create = useCreatePlan();
  const messageFor = useErrorMessage();
  const [form, setForm] = useState<Fields>({ title: '', description: '', startDate: '', endDate: '', midtermDate: '' });
  const [attempted, setAttempted] = useState(false);
  const problems: Problems = { ...serverProblems(create.error), ...(attempted ? check(form) : {}) };
  const fieldsRefused = Object.keys(serverProblems(create.error)).length > 0;

  if (pending) return <LoadingState />;
  // Only those who write plans create them: the others are sent back to the list rather than shown a form the API refuses.
  if (!can) return <Navigate to="/plans" replace />;

  const update = (patch: Partial<Fields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (create.isError) create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    const found = check(form);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(inputId(first))?.focus();
      return;
    }
    create.mutate(
      {
        title: form.title.trim(),
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        startDate: form.startDate,
        endDate: form.endDate,
        ...(form.midtermDate ? { midtermDate: form.midtermDate } : {}),
      },
      { onSuccess: (plan) => navigate(`/workspace/plans/${plan.id}`) },
    );
  };

  const field = (name: Field, label: string, input: (props: Record<string, unknown>) => ReactNode, hint?: string) => {
    const problem = problems[name];
    const id = inputId(name);
    const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {input({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy })}
        {hint ? (
          <p id={`${id}-hint`} className="muted small">
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p id={`${id}-error`} className="field__error">
            {t(`newPlan.errors.${problem}`)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <article className="new-plan">
      <p className="breadcrumb">
        <Link to="/plans">
          <span aria-hidden="true">← </span>
          {t('plans.backToList')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t('newPlan.title')}</h1>
        <p className="muted">{t('newPlan.intro')}</p>
      </header>
      <form className="form new-plan__form" onSubmit={onSubmit} noValidate aria-label={t('newPlan.title')}>
        {field('title', t('newPlan.fields.title'), (props) => (
          <input
            {...props}
            type="text"
            value={form.title}
            maxLength={PLAN_TEXT_MAX.planTitle}
            autoComplete="off"
            onChange={(event) => update({ title: event.target.value })}
          />
        ))}
        {field(
          'description',
          t('newPlan.fields.description'),
          (props) => (
            <textarea
              {...props}
              rows={3}
              value={form.description}
              maxLength={PLAN_TEXT_MAX.planDescription}
              onChange={(event) => update({ description: event.target.value })}
            />
          ),
          t('newPlan.fields.optional'),
        )}
        <div className="new-plan__dates">
          {field('startDate', t('newPlan.fields.startDate'), (props) => (
            <input {...props} type="date" value={form.startDate} onChange={(event) => update({ startDate: event.target.value })} />
          ))}
          {field('endDate', t('newPlan.fields.endDate'), (props) => (
            <input {...props} type="date" value={form.endDate} onChange={(event) => update({ endDate: event.target.value })} />
          ))}
          {field(
            'midtermDate',
            t('newPlan.fields.midtermDate'),
            (props) => (
              <input {...props} type="date" value={form.midtermDate} onChange={(event) => update({ midtermDate: event.target.value })} />
            ),
            t('newPlan.fields.midtermHint'),
          )}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('newPlan.creating') : t('newPlan.create')}
          </button>
        </div>
        {create.isError && !fieldsRefused ? (
          <div className="alert alert--error" role="alert">
            <p>{messageFor(create.error)}</p>
          </div>
        ) : null}
        {fieldsRefused ? (
          <p className="field__error" role="alert">
            {t('newPlan.errors.refused')}
          </p>
        ) : null}
      </form>
    </article>
  );
}
