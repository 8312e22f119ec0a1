import '@/features/imports/components/imports.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from '@repere/contract';
import { Pagination } from '@/components/pagination';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import { ACCEPTED_EXTENSIONS, type ImportDto, type ImportKind, type NewImport } from '@/features/imports/api/imports-api';
import { ImportStatusBadge } from '@/features/imports/components/import-status';
import {
  IMPORTS_PAGE_SIZE,
  useCanImport,
  useCreateImport,
  useImports,
  useQuestionnaireOptions,
} from '@/features/imports/hooks/use-imports';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

const isKind = (value: string | null): value is ImportKind => IMPORT_KINDS.some((kind) => kind === value);

/** The three kinds, as radio cards: a radio group reads as one choice to a screen reader. */
function KindPicker({ kind, onChange }: { kind: ImportKind; onChange: (kind: ImportKind) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="import-kinds">
      <legend>{t('imports.kind.legend')}</legend>
      <div className="import-kinds__options">
        {IMPORT_KINDS.map((value) => {
          const id = `${name}-${value}`;
          return (
            <div key={value} className={`import-kind${kind === value ? ' import-kind--selected' : ''}`}>
              <input
                id={id}
                type="radio"
                name={name}
                value={value}
                checked={kind === value}
                aria-describedby={`${id}-hint`}
                onChange={() => onChange(value)}
              />
              <label htmlFor={id}>{t(`imports.kind.${value}`)}</label>
              <p id={`${id}-hint`} className="muted small">
                {t(`imports.kindHint.${value}`)}
              </p>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

type UploadError = 'noFile' | 'noText' | 'noQuestionnaire' | 'tooLarge';

/** The file picker, the questionnaire (responses) and, for plans and cells, the text pasted from a Word table. */
function UploadForms({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const messageFor = useErrorMessage();
  const create = useCreateImport();
  const questionnaires = useQuestionnaireOptions(kind === 'responses');
  const ids = { file: useId(), text: useId(), questionnaire: useId(), fileHeading: useId(), textHeading: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [fileError, setFileError] = useState<UploadError | null>(null);
  const [textError, setTextError] = useState<UploadError | null>(null);
  const [sentFrom, setSentFrom] = useState<'file' | 'text' | null>(null);

  const send = (body: NewImport, from: 'file' | 'text'): void => {
    setSentFrom(from);
    create.mutate(body, { onSuccess: (dto) => navigate(`/imports/${dto.id}`) });
  };

  const fileFieldError = fileError === 'noFile' || fileError === 'tooLarge' ? fileError : null;

  const onFile = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    let error: UploadError | null = null;
    if (kind === 'responses' && !questionnaireId) error = 'noQuestionnaire';
    else if (!file) error = 'noFile';
    else if (file.size > MAX_IMPORT_BYTES) error = 'tooLarge';
    setFileError(error);
    if (error || !file) {
      (error === 'noQuestionnaire' ? document.getElementById(ids.questionnaire) : fileInput.current)?.focus();
      return;
    }
    send({ kind, file, fileName: file.name, questionnaireId: kind === 'responses' ? questionnaireId : undefined }, 'file');
  };

  const onText = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (text.trim() === '') {
      setTextError('noText');
      document.getElementById(ids.text)?.focus();
      return;
    }
    setTextError(null);
    // Sent as a text file: the server reads a pasted Word table as it reads a .txt export.
    const blob = new Blob([text], { type: 'text/plain' });
    send({ kind, file: blob, fileName: t('imports.upload.pastedName') }, 'text');
  };

  const pending = create.isPending;
  // The two refusals of the upload itself, in the user's language; any other says what the API says.
  const uploadError = (error: unknown): string => {
    if (error instanceof ApiError && error.code === 'empty_file') return t('imports.problems.codes.empty_file');
    if (error instanceof ApiError && error.statusCode === 413) return t('imports.upload.errors.tooLarge');
    return messageFor(error);
  };
  const apiError = create.isError ? uploadError(create.error) : null;

  return (
    <div className="import-sources">
      <form className="card form import-source" onSubmit={onFile} noValidate aria-labelledby={ids.fileHeading}>
        <h2 id={ids.fileHeading}>{t('imports.upload.fileHeading')}</h2>
        {kind === 'responses' ? (
          <div className="field">
            <label htmlFor={ids.questionnaire}>{t('imports.upload.questionnaire')}</label>
            <select
              id={ids.questionnaire}
              value={questionnaireId}
              aria-invalid={fileError === 'noQuestionnaire' ? true : undefined}
              aria-describedby={[`${ids.questionnaire}-hint`, fileError === 'noQuestionnaire' ? `${ids.questionnaire}-error` : null]
                .filter(Boolean)
                .join(' ')}
              onChange={(event) => setQuestionnaireId(event.target.value)}
            >
              <option value="">{t('imports.upload.chooseQuestionnaire')}</option>
              {(questionnaires.data?.items ?? []).map((questionnaire) => (
                <option key={questionnaire.id} value={questionnaire.id}>
                  {questionnaire.currentVersion > 0
                    ? t('imports.upload.questionnaireOption', { title: questionnaire.title, version: questionnaire.currentVersion })
                    : questionnaire.title}
                </option>
              ))}
            </select>
            <p id={`${ids.questionnaire}-hint`} className="muted small">
              {t('imports.upload.questionnaireHint')}
            </p>
            {fileError === 'noQuestionnaire' ? (
              <p id={`${ids.questionnaire}-error`} className="field__error">
                {t('imports.upload.errors.noQuestionnaire')}
              </p>
            ) : null}
            {questionnaires.isError ? <ErrorState error={questionnaires.error} onRetry={() => void questionnaires.refetch()} /> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.file}>{t('imports.upload.file')}</label>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            accept={ACCEPTED_EXTENSIONS}
            aria-invalid={fileFieldError ? true : undefined}
            aria-describedby={[`${ids.file}-hint`, fileFieldError ? `${ids.file}-error` : null].filter(Boolean).join(' ')}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          <p id={`${ids.file}-hint`} className="muted small">
            {t(`imports.upload.fileHint.${kind}`)}
          </p>
          {fileFieldError ? (
            <p id={`${ids.file}-error`} className="field__error">
              {t(`imports.upload.errors.${fileFieldError}`)}
            </p>
          ) : null}
        </div>
        <div className="import-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending && sentFrom === 'file' ? t('imports.upload.sending') : t('imports.upload.submitFile')}
          </button>
        </div>
        {apiError && sentFrom === 'file' ? (
          <p className="alert alert--error" role="alert">
            {apiError}
          </p>
        ) : null}
      </form>

      {kind !== 'responses' ? (
        <form className="card form import-source" onSubmit={onText} noValidate aria-labelledby={ids.textHeading}>
          <h2 id={ids.textHeading}>{t('imports.upload.textHeading')}</h2>
          <div className="field">
            <label htmlFor={ids.text}>{t('imports.upload.text')}</label>
            <textarea
              id={ids.text}
              className="import-paste"
              rows={8}
              value={text}
              spellCheck={false}
              aria-invalid={textError ? true : undefined}
              aria-describedby={[`${ids.text}-hint`, textError ? `${ids.text}-error` : null].filter(Boolean).join(' ')}
              onChange={(event) => {
                setText(event.target.value);
                setTextError(null);
              }}
            />
            <p id={`${ids.text}-hint`} className="muted small">
              {t(`imports.upload.textHint.${kind}`)}
            </p>
            {textError ? (
              <p id={`${ids.text}-error`} className="field__error">
                {t(`imports.upload.errors.${textError}`)}
              </p>
            ) : null}
          </div>
          <div className="import-actions">
            <button type="submit" className="button button--primary" disabled={pending}>
              {pending && sentFrom === 'text' ? t('imports.upload.sending') : t('imports.upload.submitText')}
            </button>
          </div>
          {apiError && sentFrom === 'text' ? (
            <p className="alert alert--error" role="alert">
              {apiError}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function RecentImportRow({ item }: { item: ImportDto }) {
  const { t, i18n } = useTranslation();
  return (
    <tr>
      <th scope="row">
        <Link to={`/imports/${item.id}`}>{item.fileName}</Link>
      </th>
      <td>{t(`imports.kind.${item.kind}`)}</td>
      <td>
        <ImportStatusBadge status={item.status} />
      </td>
      <td>{item.problemCount > 0 ? t('imports.recent.problems', { count: item.problemCount }) : t('common.none')}</td>
      <td>{formatDate(item.createdAt, i18n.resolvedLanguage ?? 'fr')}</td>
    </tr>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const imports = useImports(page);
  return (
    <section aria-labelledby={headingId} className="import-recent">
      <h2 id={headingId}>{t('imports.recent.heading')}</h2>
      {imports.isPending ? <LoadingState /> : null}
      {imports.isError ? <ErrorState error={imports.error} onRetry={() => void imports.refetch()} /> : null}
      {imports.data && imports.data.total === 0 ? <p className="empty">{t('imports.recent.empty')}</p> : null}
      {imports.data && imports.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('imports.recent.file')}</th>
                  <th scope="col">{t('imports.recent.kind')}</th>
                  <th scope="col">{t('imports.recent.status')}</th>
                  <th scope="col">{t('imports.recent.problemCount')}</th>
                  <th scope="col">{t('imports.recent.date')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.items.map((item) => (
                  <RecentImportRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} limit={IMPORTS_PAGE_SIZE} total={imports.data.total} onPageChange={setPage} />
        </>
      ) : null}
    </section>
  );
}

/** /imports: bring an existing action plan, a work cell's fiche synthèse or past responses in. */
export function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const { canImport, pending } = useCanImport();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('kind');
  // The radio answers at once; the address follows (a navigation, which React Router runs as a transition).
  const [kind, setKind] = useState<ImportKind>(isKind(asked) ? asked : 'plan');
  const choose = (next: ImportKind): void => {
    setKind(next);
    setSearchParams(next === 'plan' ? {} : { kind: next }, { replace: true });
  };

  if (pending) return <LoadingState />;

  return (
    <article className="imports">
      <header className="page-header">
        <h1>{t('imports.title')}</h1>
        <p className="muted">{t('imports.intro')}</p>
      </header>
      {!canImport ? (
        <p className="alert import-alert--info" role="note">
          {t('imports.readOnly')}
        </p>
      ) : (
        <>
          <KindPicker kind={kind} onChange={choose} />
          {/* A new kind starts from empty forms: a file chosen for a plan is not a questionnaire's responses. */}
          <UploadForms key={kind} kind={kind} />
          <RecentImports />
        </>
      )}
    </article>
  );
}
