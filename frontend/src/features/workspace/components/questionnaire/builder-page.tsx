import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { QUESTION_TYPES, type QuestionType } from '@repere/contract';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import type { Questionnaire, QuestionnaireCommand } from '@/features/workspace/api/questionnaires-api';
import { ConfirmDelete, FieldError, FormStatus } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors } from '@/features/workspace/components/form-errors';
import {
  checkDraft,
  draftOf,
  draftSlots,
  newQuestion,
  toContent,
  withoutLanguage,
  type BuilderDraft,
  type QuestionDraft,
} from '@/features/workspace/components/questionnaire/builder-state';
import { KioskSetting } from '@/features/workspace/components/questionnaire/kiosk-setting';
import { LanguagesEditor } from '@/features/workspace/components/questionnaire/languages-editor';
import { QuestionEditor } from '@/features/workspace/components/questionnaire/question-editor';
import { QuestionnairePreview } from '@/features/workspace/components/questionnaire/questionnaire-preview';
import { missingByLanguage } from '@/features/workspace/components/questionnaire/translation-check';
import { PublishConfirmation, TranslationCheck } from '@/features/workspace/components/questionnaire/translation-check-panel';
import { TranslationsFields } from '@/features/workspace/components/questionnaire/translations-fields';
import { directionOf, languageName, nativeLanguageName, pick } from '@/features/workspace/components/questionnaire/translations';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import {
  useDeleteQuestionnaire,
  useQuestionnaireCommand,
  useQuestionnaireDetail,
  useSaveQuestionnaire,
} from '@/features/workspace/hooks/use-questionnaire-builder';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/workspace/components/workspace.css';

const PREFIX = 'qb';

/** /workspace/questionnaires/:id */
export function QuestionnaireBuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuestionnaireDetail(id);
  const { canEdit, pending } = useCanEdit();
  useDocumentTitle(
    detail.data ? pick(detail.data.title, detail.data.defaultLanguage, detail.data.defaultLanguage) : t('workspace.builder.title'),
  );

  if (detail.isPending || pending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <Builder key={detail.data.id} questionnaire={detail.data} canEdit={canEdit} />;
}

const serialize = (draft: BuilderDraft): string => JSON.stringify(toContent(draft));

function Builder({ questionnaire, canEdit }: { questionnaire: Questionnaire; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage ?? 'fr';
  const messageFor = useErrorMessage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<BuilderDraft>(() => draftOf(questionnaire));
  const [stored, setStored] = useState(() => serialize(draftOf(questionnaire)));
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [previewLanguage, setPreviewLanguage] = useState(questionnaire.defaultLanguage);
  const [newType, setNewType] = useState<QuestionType>('single_choice');
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const [armed, setArmed] = useState(false);
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const publishRef = useRef<HTMLButtonElement>(null);
  const save = useSaveQuestionnaire(questionnaire.id);
  const command = useQuestionnaireCommand(questionnaire.id);
  const remove = useDeleteQuestionnaire();

  const dirty = serialize(draft) !== stored;
  const problems = attempted ? checkDraft(draft) : {};
  const slots = useMemo(() => draftSlots(draft), [draft]);
  const errors = useFormErrors(problems, save.error ?? command.error, slots);
  const shownLanguage = draft.languages.includes(previewLanguage) ? previewLanguage : draft.defaultLanguage;
  const responses = questionnaire.versions.reduce((sum, version) => sum + (version.responseCount ?? 0), 0);
  // What the API says is missing, in the stored working copy: publishing waits for the draft to be saved.
  const incomplete = useMemo(() => missingByLanguage(questionnaire, questionnaire.missingTranslations), [questionnaire]);

  useEffect(() => {
    if (!focusNext) return;
    document.getElementById(fieldId(PREFIX, focusNext))?.focus();
    setFocusNext(null);
  }, [focusNext]);

  /** The questionnaire as the API now stores it becomes the draft again. */
  const accept = (saved: Questionnaire): void => {
    const next = draftOf(saved);
    setDraft(next);
    setStored(serialize(next));
    setAttempted(false);
  };

  const update = (next: BuilderDraft): void => {
    setDraft(next);
    setStatus(null);
    if (save.isError) save.reset();
    if (command.isError) command.reset();
  };
  const setQuestion = (index: number, question: QuestionDraft): void =>
    update({ ...draft, questions: draft.questions.map((candidate, n) => (n === index ? question : candidate)) });
  const moveQuestion = (index: number, delta: -1 | 1): void => {
    const questions = [...draft.questions];
    const [moved] = questions.splice(index, 1);
    if (!moved) return;
    questions.splice(index + delta, 0, moved);
    update({ ...draft, questions });
  };
  const removeQuestion = (index: number): void => {
    const gone = draft.questions[index];
    update({
      ...draft,
      // A condition on the question taken out would point nowhere: it goes with it.
      questions: draft.questions
        .filter((_, n) => n !== index)
        .map((question) => (question.showIf?.questionId === gone?.id ? { ...question, showIf: null } : question)),
    });
  };
  const addQuestion = (): void => {
    update({ ...draft, questions: [...draft.questions, newQuestion(newType)] });
    setFocusNext(`questions.${draft.questions.length}.label.${draft.defaultLanguage}`);
  };

  const onSave = (): void => {
    const found = checkDraft(draft);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    save.mutate(toContent(draft), {
      onSuccess: (saved) => {
        accept(saved);
        setStatus(t('workspace.builder.saved'));
      },
    });
  };

  const run = (name: QuestionnaireCommand): void => {
    setConfirmingPublish(false);
    setStatus(null);
    save.reset();
    command.mutate(name, {
      onSuccess: (saved) => {
        accept(saved);
        setStatus(t(`workspace.builder.done.${name === 'ads-block' ? 'adsBlock' : name}`));
      },
    });
  };

  const title = pick(draft.title, draft.defaultLanguage, draft.defaultLanguage) || questionnaire.slug;

  return (
    <article className="ws-page">
      <p className="breadcrumb">
        <Link to="/workspace">
          <span aria-hidden="true">← </span>
          {t('workspace.backToWorkspace')}
        </Link>
        {' · '}
        <Link to={`/questionnaires/${questionnaire.id}`}>{t('workspace.builder.readView')}</Link>
      </p>
      <header className="page-header">
        <h1 lang={draft.defaultLanguage} dir={directionOf(draft.defaultLanguage)}>
          {title}
        </h1>
        <p className="badges">
          <span className={`badge ${questionnaire.status === 'published' ? 'badge--success' : 'badge--muted'}`}>
            {t(`questionnaires.statuses.${questionnaire.status}`)}
          </span>
          <span className="badge badge--outline">{t('workspace.builder.version', { version: questionnaire.currentVersion || '—' })}</span>
          {questionnaire.hasUnpublishedChanges && questionnaire.status !== 'draft' ? (
            <span className="badge badge--outline">{t('questionnaires.unpublished')}</span>
          ) : null}
          <span className="badge badge--outline">{t('workspace.builder.responses', { count: responses })}</span>
        </p>
        <p>
          {t('workspace.builder.publicLink')} <a href={questionnaire.publicUrl}>{questionnaire.publicUrl}</a>
        </p>
      </header>

      {!canEdit ? <ReadOnlyNotice /> : null}

      {canEdit ? (
        <div className="ws-toolbar ws-toolbar--page" role="toolbar" aria-label={t('workspace.builder.toolbar')}>
          <button type="button" className="button button--primary" disabled={save.isPending || !dirty} onClick={onSave}>
            {save.isPending ? t('workspace.common.saving') : t('workspace.common.save')}
          </button>
          <button type="button" className="button button--secondary" disabled={dirty || command.isPending} onClick={() => run('ads-block')}>
            {t('workspace.builder.addAdsBlock')}
          </button>
          <button
            ref={publishRef}
            type="button"
            className="button button--secondary"
            disabled={dirty || command.isPending}
            // A language with strings missing: its residents would read them in the default language. Asked first.
            onClick={() => (incomplete.length > 0 ? setConfirmingPublish(true) : run('publish'))}
          >
            {questionnaire.status === 'published' ? t('workspace.builder.republish') : t('workspace.builder.publish')}
          </button>
          {questionnaire.status === 'published' ? (
            <button type="button" className="button button--secondary" disabled={dirty || command.isPending} onClick={() => run('close')}>
              {t('workspace.builder.close')}
            </button>
          ) : null}
          <Link className="button button--ghost" to={`/workspace/questionnaires/${questionnaire.id}/qr`}>
            {t('workspace.builder.printQr')}
          </Link>
          {dirty ? <span className="muted small">{t('workspace.builder.unsaved')}</span> : null}
        </div>
      ) : (
        <p>
          <Link className="button button--ghost" to={`/workspace/questionnaires/${questionnaire.id}/qr`}>
            {t('workspace.builder.printQr')}
          </Link>
        </p>
      )}
      {canEdit && confirmingPublish && !dirty ? (
        <PublishConfirmation
          entries={incomplete}
          defaultLanguage={questionnaire.defaultLanguage}
          pending={command.isPending}
          onConfirm={() => run('publish')}
          onCancel={() => {
            setConfirmingPublish(false);
            publishRef.current?.focus();
          }}
        />
      ) : null}
      <FormStatus saved={status} error={errors.general} />
      <section className="ws-section" aria-labelledby="qb-settings-title">
        <h2 id="qb-settings-title">{t('workspace.builder.settings')}</h2>
        <KioskSetting questionnaire={questionnaire} canEdit={canEdit} />
        <TranslationCheck entries={incomplete} defaultLanguage={questionnaire.defaultLanguage} languages={questionnaire.languages} />
      </section>
      {errors.count > 0 ? (
        <p className="alert alert--error" role="alert">
          {t('workspace.builder.fix', { count: errors.count })}
        </p>
      ) : null}

      <div className="ws-two-columns ws-two-columns--builder">
        <div>
          {canEdit ? (
            <form
              className="form ws-form"
              onSubmit={(event) => {
                event.preventDefault();
                onSave();
              }}
              noValidate
              aria-label={t('workspace.builder.formLabel')}
            >
              <LanguagesEditor
                prefix={PREFIX}
                languages={draft.languages}
                defaultLanguage={draft.defaultLanguage}
                onAdd={(language) => update({ ...draft, languages: [...draft.languages, language] })}
                onRemove={(language) => update(withoutLanguage(draft, language))}
                onDefault={(defaultLanguage) => update({ ...draft, defaultLanguage })}
                errorFor={errors.errorFor}
              />
              <TranslationsFields
                prefix={PREFIX}
                field="title"
                legend={t('workspace.builder.questionnaireTitle')}
                texts={draft.title}
                languages={draft.languages}
                defaultLanguage={draft.defaultLanguage}
                onChange={(value) => update({ ...draft, title: value })}
                errorFor={errors.errorFor}
              />
              <TranslationsFields
                prefix={PREFIX}
                field="description"
                legend={t('workspace.builder.description')}
                texts={draft.description}
                languages={draft.languages}
                defaultLanguage={draft.defaultLanguage}
                onChange={(value) => update({ ...draft, description: value })}
                errorFor={errors.errorFor}
                multiline
              />

              <section aria-labelledby="qb-questions-title" className="ws-section">
                <h2 id="qb-questions-title">{t('workspace.builder.questions', { count: draft.questions.length })}</h2>
                <FieldError id={`${fieldId(PREFIX, 'questions')}-error`} message={errors.errorFor('questions')} />
                {draft.questions.length === 0 ? <p className="empty">{t('workspace.builder.noQuestions')}</p> : null}
                {draft.questions.map((question, index) => (
                  <QuestionEditor
                    key={question.id}
                    prefix={PREFIX}
                    question={question}
                    index={index}
                    earlier={draft.questions.slice(0, index)}
                    count={draft.questions.length}
                    languages={draft.languages}
                    defaultLanguage={draft.defaultLanguage}
                    onChange={(next) => setQuestion(index, next)}
                    onMove={(delta) => moveQuestion(index, delta)}
                    onRemove={() => removeQuestion(index)}
                    errorFor={errors.errorFor}
                  />
                ))}
                <div className="ws-row ws-row--end">
                  <div className="field">
                    <label htmlFor="qb-new-type">{t('workspace.builder.newQuestionType')}</label>
                    <select id="qb-new-type" value={newType} onChange={(event) => setNewType(event.target.value as QuestionType)}>
                      {QUESTION_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`workspace.questionTypes.${type}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="button" className="button button--secondary" onClick={addQuestion}>
                    <span aria-hidden="true">+{'\u00a0'}</span>
                    {t('workspace.builder.addQuestion')}
                  </button>
                </div>
              </section>
              <div className="ws-actions">
                <button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
                  {save.isPending ? t('workspace.common.saving') : t('workspace.common.save')}
                </button>
              </div>
            </form>
          ) : null}
          {canEdit ? (
            <div className="ws-danger-zone">
              <ConfirmDelete
                archive
                name={title}
                label={t('workspace.builder.deleteQuestionnaire')}
                pending={remove.isPending}
                armed={armed}
                onArm={setArmed}
                onConfirm={() => remove.mutate(questionnaire.id, { onSuccess: () => navigate('/workspace', { replace: true }) })}
              />
              {remove.error ? (
                <p className="field__error" role="alert">
                  {messageFor(remove.error)}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>

        <section className="ws-preview-panel card" aria-labelledby="qb-preview-title">
          <h2 id="qb-preview-title">{t('workspace.builder.preview')}</h2>
          <div className="field">
            <label htmlFor="qb-preview-language">{t('workspace.builder.previewLanguage')}</label>
            <select id="qb-preview-language" value={shownLanguage} onChange={(event) => setPreviewLanguage(event.target.value)}>
              {draft.languages.map((language) => (
                <option key={language} value={language}>
                  {nativeLanguageName(language)} — {languageName(language, uiLanguage)} ({language})
                </option>
              ))}
            </select>
          </div>
          <p className="muted small">
            {t('workspace.builder.previewHint', { direction: t(`workspace.builder.direction.${directionOf(shownLanguage)}`) })}
          </p>
          <QuestionnairePreview draft={draft} language={shownLanguage} />
        </section>
      </div>
    </article>
  );
}
