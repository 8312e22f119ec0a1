import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_OPTION_MAX, isRealDate } from '@repere/contract';
import type { PlanImport, PlanImportOptions, PlanPreview, PreviewAction } from '@/features/imports/api/imports-api';
import { OptionsActions, type OptionsFormProps } from '@/features/imports/components/options-actions';
import { formatDate } from '@/lib/format';

interface PlanFields {
  title: string;
  ownerName: string;
  description: string;
  startDate: string;
  endDate: string;
}

/** The API's longest options (IMPORT_OPTION_MAX); dates have none. */
const MAX_LENGTH: Partial<Record<keyof PlanFields, number>> = {
  title: IMPORT_OPTION_MAX.title,
  ownerName: IMPORT_OPTION_MAX.ownerName,
  description: IMPORT_OPTION_MAX.description,
};

function fieldsOf(preview: PlanPreview, options: PlanImportOptions): PlanFields {
  return {
    title: options.title ?? preview.title,
    ownerName: options.ownerName ?? preview.ownerName ?? '',
    description: options.description ?? preview.description,
    startDate: options.startDate ?? preview.startDate ?? '',
    endDate: options.endDate ?? preview.endDate ?? '',
  };
}

/** The same rules as the API's PlanImportOptions: a title, real dates, the end after the start. */
function checkPlan(fields: PlanFields): Partial<Record<keyof PlanFields, 'required' | 'date' | 'order'>> {
  const errors: Partial<Record<keyof PlanFields, 'required' | 'date' | 'order'>> = {};
  if (fields.title.trim() === '') errors.title = 'required';
  if (fields.startDate && !isRealDate(fields.startDate)) errors.startDate = 'date';
  if (fields.endDate && !isRealDate(fields.endDate)) errors.endDate = 'date';
  if (!errors.startDate && !errors.endDate && fields.startDate && fields.endDate && fields.endDate < fields.startDate)
    errors.endDate = 'order';
  return errors;
}

/** The plan's own fields, defaulting to what the file says; applying them runs the analysis again. */
function PlanOptionsForm({
  dto,
  preview,
  editable,
  applying,
  onApply,
  onDirtyChange,
}: OptionsFormProps<PlanImport> & { preview: PlanPreview }) {
  const { t } = useTranslation();
  const ids = { title: useId(), owner: useId(), description: useId(), start: useId(), end: useId() };
  const initial = fieldsOf(preview, dto.options);
  const [fields, setFields] = useState<PlanFields>(initial);
  const [attempted, setAttempted] = useState(false);
  const dirty = (Object.keys(initial) as (keyof PlanFields)[]).some((key) => initial[key] !== fields[key]);
  const errors = attempted ? checkPlan(fields) : {};

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(checkPlan(fields)).length > 0) return;
    const options: PlanImportOptions = { title: fields.title.trim() };
    if (fields.ownerName.trim()) options.ownerName = fields.ownerName.trim();
    // The API words a default description (« Importé de … »): only one the user wrote is sent.
    if (fields.description !== initial.description || dto.options.description !== undefined)
      options.description = fields.description.trim();
    if (fields.startDate) options.startDate = fields.startDate;
    if (fields.endDate) options.endDate = fields.endDate;
    onApply(options);
  };

  const field = (key: keyof PlanFields, id: string, label: string, type: 'text' | 'date' | 'textarea' = 'text') => {
    const error = errors[key];
    const common = {
      id,
      value: fields[key],
      disabled: !editable,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
    };
    const onChange = (value: string): void => setFields((previous) => ({ ...previous, [key]: value }));
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {type === 'textarea' ? (
          <textarea {...common} rows={2} maxLength={MAX_LENGTH[key]} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...common}
            type={type}
            maxLength={MAX_LENGTH[key]}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {t(`imports.plan.errors.${error}`)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="form import-options" onSubmit={onSubmit} noValidate aria-label={t('imports.plan.optionsHeading')}>
      {field('title', ids.title, t('imports.plan.title'))}
      {field('ownerName', ids.owner, t('imports.plan.ownerName'))}
      {field('description', ids.description, t('imports.plan.description'), 'textarea')}
      <div className="import-row">
        {field('startDate', ids.start, t('imports.plan.startDate'), 'date')}
        {field('endDate', ids.end, t('imports.plan.endDate'), 'date')}
      </div>
      {editable ? <OptionsActions dirty={dirty} applying={applying} onReset={() => setFields(initial)} /> : null}
    </form>
  );
}

function ActionView({ action, number }: { action: PreviewAction; number: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const parsed =
    action.schedule.kind === 'date' && action.schedule.date
      ? formatDate(action.schedule.date, language)
      : action.schedule.kind === 'recurrence' && action.schedule.recurrence
        ? `${t('scheduleKind.recurrence')} (${action.schedule.recurrence})`
        : t(`scheduleKind.${action.schedule.kind}`);
  const separator = t('common.listSeparator');
  // The text as written, unless the parsed value says the same thing (« En continu », « 31 décembre 2022 »).
  const showText = action.scheduleText.trim() !== '' && action.scheduleText.trim().toLowerCase() !== parsed.toLowerCase();
  return (
    <li className="import-action">
      <p className="import-action__title">
        <span className="import-action__number">{t('imports.plan.action', { number })}</span> {action.description}
      </p>
      <dl className="import-action__facts">
        <div>
          <dt>{t('imports.plan.schedule')}</dt>
          <dd>
            {showText ? <span>{action.scheduleText} </span> : null}
            <span className={`badge badge--schedule badge--${action.schedule.kind}`}>{parsed}</span>
          </dd>
        </div>
        {action.resources ? (
          <div>
            <dt>{t('imports.plan.resources')}</dt>
            <dd>{action.resources}</dd>
          </div>
        ) : null}
        {action.expectedResults.length > 0 ? (
          <div>
            <dt>{t('imports.plan.expectedResults')}</dt>
            <dd>
              <ul className="bullets">
                {action.expectedResults.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {action.indicators.length > 0 ? (
          <div>
            <dt>{t('imports.plan.indicators')}</dt>
            <dd>
              <ul className="bullets">
                {action.indicators.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {action.instruments.length > 0 ? (
          <div>
            <dt>{t('imports.plan.instruments')}</dt>
            <dd>
              <ul className="badges badges--list" aria-label={t('imports.plan.instruments')}>
                {action.instruments.map((instrument, index) => (
                  <li key={index}>
                    <span className="instrument__name">{instrument.name}</span>{' '}
                    <span className="badge badge--outline">
                      {t(`instrumentKind.${instrument.kind}`, { defaultValue: instrument.kind })}
                    </span>
                    {index < action.instruments.length - 1 ? <span className="visually-hidden">{separator}</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

const COUNT_KEYS = ['orientations', 'objectives', 'actions', 'expectedResults', 'indicators', 'instruments'] as const;

/** What a plan import will create: the plan's fields, the counts, then the tree as the file was read. */
export function PlanPreviewView(props: OptionsFormProps<PlanImport> & { preview: PlanPreview }) {
  const { t } = useTranslation();
  const ids = { heading: useId(), tree: useId() };
  const { preview } = props;
  // Actions are numbered through the whole plan, as the plan's page numbers them.
  let actionNumber = 0;
  return (
    <section className="import-panel import-preview" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('imports.plan.heading')}</h2>
      <p className="muted">{props.editable ? t('imports.plan.intro') : t('imports.plan.introReadOnly')}</p>
      <PlanOptionsForm {...props} />

      <ul className="import-counts" aria-label={t('imports.plan.countsLabel')}>
        {COUNT_KEYS.map((key) => (
          <li key={key}>{t(`imports.plan.counts.${key}`, { count: preview.counts[key] })}</li>
        ))}
      </ul>

      <h3 id={ids.tree}>{t('imports.plan.treeHeading')}</h3>
      {preview.orientations.length === 0 ? <p className="empty">{t('imports.plan.emptyTree')}</p> : null}
      <ol className="import-tree" aria-labelledby={ids.tree}>
        {preview.orientations.map((orientation, o) => (
          <li key={`${orientation.number}-${o}`} className="import-tree__orientation">
            <h4 className="import-tree__orientation-title">
              {t('imports.plan.orientation', { number: orientation.number, title: orientation.title })}
            </h4>
            {orientation.objectives.length === 0 ? <p className="empty small">{t('imports.plan.noObjectives')}</p> : null}
            <ol className="import-tree__objectives">
              {orientation.objectives.map((objective, j) => (
                <li key={`${objective.code}-${j}`} className="import-tree__objective">
                  <h5 className="import-tree__objective-title">
                    {objective.code ? <span className="import-tree__code">{objective.code}</span> : null} {objective.title}
                  </h5>
                  {objective.actions.length === 0 ? <p className="empty small">{t('imports.plan.noActions')}</p> : null}
                  <ol className="import-tree__actions">
                    {objective.actions.map((action, a) => {
                      actionNumber += 1;
                      return <ActionView key={a} action={action} number={actionNumber} />;
                    })}
                  </ol>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
