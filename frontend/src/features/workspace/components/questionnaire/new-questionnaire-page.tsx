import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { SLUG, type Translations } from '@repere/contract';
import { ErrorState, LoadingState } from '@/components/query-state';
import { FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker } from '@/features/workspace/components/form-rules';
import { checkLanguages, checkTexts } from '@/features/workspace/components/questionnaire/builder-state';
import { LanguagesEditor } from '@/features/workspace/components/questionnaire/languages-editor';
import { TranslationsFields } from '@/features/workspace/components/questionnaire/translations-fields';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import { usePlanOptions } from '@/features/workspace/hooks/use-plan-editor';
import { useCreateQuestionnaire } from '@/features/workspace/hooks/use-questionnaire-builder';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/workspace/components/workspace.css';

const PREFIX = 'qn';

interface Fields {
  planId: string;
  slug: string;
  languages: string[];
  defaultLanguage: string;
  title: Translations;
}

/** CreateQuestionnaireDto and validateContent: a plan, a valid slug when given, languages, a title in the default one. */
function check(form: Fields): Problems {
  const checker = new Checker();
  if (!form.planId) checker.add('planId', 'plan');
  if (form.slug.trim() !== '' && !SLUG.test(form.slug.trim())) checker.add('slug', 'slug');
  checkLanguages(checker, form.languages, form.defaultLanguage);
  if (checker.ok) checkTexts(checker, 'title', form.title, form.defaultLanguage, true);
  return checker.problems;
}

/** /workspace/questionnaires/new?planId= : a draft, named and in its languages; its questions come in the builder. */
export function NewQuestionnairePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspace.builder.newTitle'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const plans = usePlanOptions();
  const { canEdit, pending } = useCanEdit();
  const create = useCreateQuestionnaire();
  const onlyPlan = plans.data?.items.length === 1 ? plans.data.items[0]?.id : undefined;
  const [form, setForm] = useState<Fields>(() => ({
    planId: searchParams.get('planId') ?? '',
    slug: '',
    languages: ['fr'],
    defaultLanguage: 'fr',
    title: {},
  }));
  const planId = form.planId || onlyPlan || '';
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? check({ ...form, planId }) : {};
  const slots = useMemo(
    () =>
      new Set([
        'planId',
        'slug',
        'languages',
        'defaultLanguage',
        'title',
        'description',
        'questions',
        'instrumentId',
        ...form.languages.flatMap((language, n) => [`languages.${n}`, `title.${language}`]),
      ]),
    [form.languages],
  );
  const errors = useFormErrors(problems, create.error, slots);

  const update = (patch: Partial<Fields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (create.isError) create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const fields = { ...form, planId };
    const found = check(fields);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    const title = Object.fromEntries(Object.entries(form.title).filter(([, value]) => value.trim() !== ''));
    create.mutate(
      {
        planId,
        ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
        title,
        description: {},
        languages: form.languages,
        defaultLanguage: form.defaultLanguage,
        questions: [],
      },
      { onSuccess: (created) => navigate(`/workspace/questionnaires/${created.id}`) },
    );
  };

  if (plans.isPending || pending) return <LoadingState />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;

  return (
    <article className="ws-page">
      <p className="breadcrumb">
        <Link to="/workspace">
          <span aria-hidden="true">← </span>
          {t('workspace.backToWorkspace')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t('workspace.builder.newTitle')}</h1>
        <p className="muted">{t('workspace.builder.newIntro')}</p>
      </header>
      {!canEdit ? (
        <ReadOnlyNotice />
      ) : (
        <form className="form ws-form" onSubmit={onSubmit} noValidate aria-label={t('workspace.builder.newTitle')}>
          <SelectField
            id={fieldId(PREFIX, 'planId')}
            field="planId"
            label={t('workspace.builder.plan')}
            value={planId}
            onChange={(value) => update({ planId: value })}
            error={errors.errorFor('planId')}
          >
            <option value="">{t('workspace.builder.choosePlan')}</option>
            {plans.data.items.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </SelectField>
          <LanguagesEditor
            prefix={PREFIX}
            languages={form.languages}
            defaultLanguage={form.defaultLanguage}
            onAdd={(language) => update({ languages: [...form.languages, language] })}
            onRemove={(language) => {
              const { [language]: _removed, ...title } = form.title;
              update({ languages: form.languages.filter((code) => code !== language), title });
            }}
            onDefault={(defaultLanguage) => update({ defaultLanguage })}
            errorFor={errors.errorFor}
          />
          <TranslationsFields
            prefix={PREFIX}
            field="title"
            legend={t('workspace.builder.questionnaireTitle')}
            texts={form.title}
            languages={form.languages}
            defaultLanguage={form.defaultLanguage}
            onChange={(title) => update({ title })}
            errorFor={errors.errorFor}
          />
          <TextField
            id={fieldId(PREFIX, 'slug')}
            field="slug"
            label={t('workspace.builder.slug')}
            hint={t('workspace.builder.slugHint')}
            value={form.slug}
            maxLength={80}
            onChange={(slug) => update({ slug })}
            error={errors.errorFor('slug')}
          />
          <div className="ws-actions">
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? t('workspace.common.saving') : t('workspace.builder.create')}
            </button>
          </div>
          <FormStatus saved={null} error={errors.general} />
        </form>
      )}
    </article>
  );
}
