import './responses.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isRealDate, RESPONSE_READERS } from '@repere/contract';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import type { ExportFormat, Question, Questionnaire, ResponseFilters, StoredResponse } from '@/features/responses/api/responses-api';
import { RESPONSES_PAGE_SIZE, useQuestionnaire, useResponses, useResponsesExport } from '@/features/responses/hooks/use-responses';
import { formatNumber } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

const FILTERS = ['from', 'to', 'version', 'language', 'questionId', 'answer'] as const;
type FilterName = (typeof FILTERS)[number];
type Draft = Record<FilterName, string>;

/** « français », « arabe »: a language's name in the reader's language (its code when the browser cannot say). */
const languageName = (code: string, reader: string): string => {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const textOf = (texts: Record<string, string> | undefined, language: string, fallback: string): string =>
  texts?.[language] || texts?.[fallback] || Object.values(texts ?? {})[0] || '';

/** The filters the URL holds, as the API takes them (a version as a number). */
function filtersOf(params: URLSearchParams): ResponseFilters {
  const version = Number(params.get('version'));
  return {
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    language: params.get('language') || undefined,
    questionId: params.get('questionId') || undefined,
    answer: params.get('questionId') ? params.get('answer') || undefined : undefined,
  };
}

/** The date filters' rules, checked before asking (the API checks them too, naming the field). */
function problemsOf(draft: Draft): Partial<Record<FilterName, 'date' | 'toBeforeFrom'>> {
  const problems: Partial<Record<FilterName, 'date' | 'toBeforeFrom'>> = {};
  if (draft.from && !isRealDate(draft.from)) problems.from = 'date';
  if (draft.to && !isRealDate(draft.to)) problems.to = 'date';
  else if (draft.from && draft.to && draft.to < draft.from) problems.to = 'toBeforeFrom';
  return problems;
}

/** The answers a question can take, for the « answer » filter: its choices, yes/no, or none (free text). */
function answerOptions(question: Question | undefined, language: string, fallback: string, yes: string, no: string) {
  if (!question) return null;
  if (question.type === 'yes_no') {
    return [
      { value: 'true', label: yes },
      { value: 'false', label: no },
    ];
  }
  if (question.choices && question.choices.length > 0) {
    return question.choices.map((choice) => ({ value: choice.code, label: textOf(choice.label, language, fallback) }));
  }
  return null;
}

function AnswerCell({ value, question, questionnaire }: { value: unknown; question: Question; questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation();
  if (value === undefined) return <span className="muted">{t('common.none')}</span>;
  if (value === null) return <span className="muted">{t('responses.preferNot')}</span>;
  const choice = (code: string) =>
    textOf(question.choices?.find((c) => c.code === code)?.label, i18n.language, questionnaire.defaultLanguage) || code;
  if (Array.isArray(value)) return <>{value.map((code) => choice(String(code))).join(t('common.listSeparator'))}</>;
  if (typeof value === 'boolean') return <>{value ? t('responses.yes') : t('responses.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, i18n.language)}</>;
  return <>{question.choices?.length ? choice(String(value)) : String(value)}</>;
}

/** /questionnaires/:id/responses: evaluators and admins read the raw responses, filter them, and export them. */
export function ResponsesPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { can, pending } = useCan(RESPONSE_READERS);
  const questionnaire = useQuestionnaire(id);
  const page = parsePage(params.get('page'));
  const filters = filtersOf(params);
  const responses = useResponses(id, { ...filters, page, limit: RESPONSES_PAGE_SIZE }, can);
  const exporter = useResponsesExport(id);
  const messageFor = useErrorMessage();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Draft);
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? problemsOf(draft) : {};
  const q = questionnaire.data;
  const title = q ? textOf(q.title, i18n.language, q.defaultLanguage) : '';
  useDocumentTitle(title ? t('responses.pageTitle', { title }) : t('responses.title'));

  if (pending || questionnaire.isPending) return <LoadingState />;
  if (!can) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('responses.forbidden')}</p>
      </div>
    );
  }
  if (questionnaire.isError) return <ErrorState error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  const detail = questionnaire.data;
  const questions = detail.questions;
  const question = questions.find((candidate) => candidate.id === draft.questionId);
  const options = answerOptions(question, i18n.language, detail.defaultLanguage, t('responses.yes'), t('responses.no'));

  const update = (patch: Partial<Draft>): void => setDraft((previous) => ({ ...previous, ...patch }));
  const apply = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    const found = problemsOf(draft);
    const first = FILTERS.find((name) => found[name]);
    if (first) {
      document.getElementById(`responses-${first}`)?.focus();
      return;
    }
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = draft[name].trim();
      if (value && (name !== 'answer' || draft.questionId)) next.set(name, value);
    }
    setParams(next);
  };
  const clear = (): void => {
    setDraft(Object.fromEntries(FILTERS.map((name) => [name, ''])) as Draft);
    setAttempted(false);
    setParams(new URLSearchParams());
  };
  const download = (format: ExportFormat): void => {
    const language = i18n.language.startsWith('en') ? 'en' : 'fr';
    const base = language === 'fr' ? 'reponses-brutes' : 'raw-responses';
    exporter.mutate({ query: { ...filters, format, lang: language }, fileName: `${base}-${detail.slug}.${format}` });
  };
  const field = (name: FilterName, label: string, control: (props: Record<string, unknown>) => ReactNode) => {
    const problem = problems[name];
    const inputId = `responses-${name}`;
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        {control({ id: inputId, 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? `${inputId}-error` : undefined })}
        {problem ? (
          <p id={`${inputId}-error`} className="field__error">
            {t(`responses.errors.${problem}`)}
          </p>
        ) : null}
      </div>
    );
  };
  const filtered = FILTERS.some((name) => params.get(name));

  return (
    <article className="responses-page">
      <p className="breadcrumb">
        <Link to={`/questionnaires/${detail.id}`}>
          <span aria-hidden="true">← </span>
          {t('responses.backToQuestionnaire')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t('responses.pageTitle', { title })}</h1>
        <p className="muted">{t('responses.intro')}</p>
      </header>
      <div className="alert responses-notice" role="note">
        <p>
          <strong>{t('responses.notice')}</strong>
        </p>
        <p>{t('responses.noticeDetail')}</p>
      </div>

      <form className="response-filters" onSubmit={apply} noValidate aria-label={t('responses.filters')}>
        {field('from', t('responses.from'), (props) => (
          <input {...props} type="date" value={draft.from} onChange={(event) => update({ from: event.target.value })} />
        ))}
        {field('to', t('responses.to'), (props) => (
          <input {...props} type="date" value={draft.to} onChange={(event) => update({ to: event.target.value })} />
        ))}
        {field('version', t('responses.version'), (props) => (
          <select {...props} value={draft.version} onChange={(event) => update({ version: event.target.value })}>
            <option value="">{t('responses.all')}</option>
            {detail.versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                {t('responses.versionNumber', { version: v.version })}
              </option>
            ))}
          </select>
        ))}
        {field('language', t('responses.language'), (props) => (
          <select {...props} value={draft.language} onChange={(event) => update({ language: event.target.value })}>
            <option value="">{t('responses.all')}</option>
            {detail.languages.map((language) => (
              <option key={language} value={language}>
                {languageName(language, i18n.language)}
              </option>
            ))}
          </select>
        ))}
        {field('questionId', t('responses.question'), (props) => (
          <select {...props} value={draft.questionId} onChange={(event) => update({ questionId: event.target.value, answer: '' })}>
            <option value="">{t('responses.anyQuestion')}</option>
            {questions.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {textOf(candidate.label, i18n.language, detail.defaultLanguage)}
              </option>
            ))}
          </select>
        ))}
        {draft.questionId
          ? field('answer', t('responses.answer'), (props) =>
              options ? (
                <select {...props} value={draft.answer} onChange={(event) => update({ answer: event.target.value })}>
                  <option value="">{t('responses.anyAnswer')}</option>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...props}
                  type="text"
                  maxLength={200}
                  value={draft.answer}
                  onChange={(event) => update({ answer: event.target.value })}
                />
              ),
            )
          : null}
        <div className="response-filters__actions">
          <button type="submit" className="button button--primary">
            {t('responses.apply')}
          </button>
          {filtered ? (
            <button type="button" className="button button--ghost" onClick={clear}>
              {t('responses.clear')}
            </button>
          ) : null}
        </div>
      </form>

      <section className="responses-export" aria-labelledby="responses-export-title">
        <h2 id="responses-export-title">{t('responses.exportTitle')}</h2>
        <p className="muted small">{t(filtered ? 'responses.exportFiltered' : 'responses.exportAll')}</p>
        <div className="responses-export__buttons">
          <button type="button" className="button button--secondary" disabled={exporter.isPending} onClick={() => download('csv')}>
            {t('responses.exportCsv')}
          </button>
          <button type="button" className="button button--secondary" disabled={exporter.isPending} onClick={() => download('xlsx')}>
            {t('responses.exportXlsx')}
          </button>
        </div>
        <div role="status" className="small">
          {exporter.isPending ? t('responses.exporting') : null}
          {exporter.isSuccess ? t('responses.exported', { fileName: exporter.data }) : null}
        </div>
        {exporter.isError ? (
          <div className="alert alert--error" role="alert">
            <p>{messageFor(exporter.error)}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="responses-list-title">
        <h2 id="responses-list-title">{t('responses.listTitle')}</h2>
        {responses.data ? (
          <p className="muted" role="status">
            {t('responses.count', { count: responses.data.total })}
          </p>
        ) : null}
        {responses.isPending ? <LoadingState /> : null}
        {responses.isError ? <ErrorState error={responses.error} onRetry={() => void responses.refetch()} /> : null}
        {responses.data && responses.data.items.length === 0 ? <p className="empty">{t('responses.empty')}</p> : null}
        {responses.data && responses.data.items.length > 0 ? (
          // A wide table scrolls sideways: focusable, so a keyboard can scroll it too.
          <div
            className="table-wrap"
            role="region"
            aria-label={t('responses.caption', { title })}
            tabIndex={0}
            aria-busy={responses.isPlaceholderData}
          >
            <table className="responses-table">
              <caption className="visually-hidden">{t('responses.caption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('responses.answeredAt')}</th>
                  <th scope="col">{t('responses.language')}</th>
                  <th scope="col">{t('responses.version')}</th>
                  {questions.map((column) => (
                    <th key={column.id} scope="col">
                      {textOf(column.label, i18n.language, detail.defaultLanguage)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {responses.data.items.map((response: StoredResponse) => (
                  <tr key={response.id}>
                    <th scope="row">
                      {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                        new Date(response.answeredAt),
                      )}
                    </th>
                    <td>{response.language}</td>
                    <td>{response.version}</td>
                    {questions.map((column) => (
                      <td key={column.id}>
                        <AnswerCell value={response.answers[column.id]} question={column} questionnaire={detail} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {responses.data ? (
          <Pagination
            page={page}
            limit={responses.data.limit || RESPONSES_PAGE_SIZE}
            total={responses.data.total}
            onPageChange={(next) => {
              const nextParams = new URLSearchParams(params);
              nextParams.set('page', String(next));
              setParams(nextParams);
            }}
          />
        ) : null}
      </section>
    </article>
  );
}
