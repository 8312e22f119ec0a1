import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_OPTION_MAX } from '@repere/contract';
import type { WorkCellImport, WorkCellImportOptions, WorkCellPreview } from '@/features/imports/api/imports-api';
import { OptionsActions, type OptionsFormProps } from '@/features/imports/components/options-actions';
import { usePlanOptions } from '@/features/imports/hooks/use-imports';
import { formatDate } from '@/lib/format';

/** The cell's name, the sub-objective the fiche names, and the plan it is looked for in (options.name, options.planId). */
function CellOptions({
  dto,
  preview,
  editable,
  applying,
  onApply,
  onDirtyChange,
}: OptionsFormProps<WorkCellImport> & { preview: WorkCellPreview }) {
  const { t } = useTranslation();
  const ids = { plan: useId(), name: useId() };
  const plans = usePlanOptions();
  const initial = { planId: dto.options.planId ?? '', name: dto.options.name ?? preview.name };
  const [planId, setPlanId] = useState(initial.planId);
  const [name, setName] = useState(initial.name);
  const [attempted, setAttempted] = useState(false);
  const dirty = planId !== initial.planId || name !== initial.name;
  const nameError = attempted && name.trim() === '';

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    if (name.trim() === '') return;
    const options: WorkCellImportOptions = {};
    if (planId) options.planId = planId;
    // The fiche's own name is the default: only another one is sent.
    if (name.trim() !== preview.name || dto.options.name !== undefined) options.name = name.trim();
    onApply(options);
  };
  const planSelectId = ids.plan;

  const named = [preview.objectiveCode, preview.objectiveText].filter(Boolean).join(' ');
  return (
    <form className="form import-options" onSubmit={onSubmit} noValidate aria-label={t('imports.workCell.optionsHeading')}>
      <div className="field">
        <label htmlFor={ids.name}>{t('imports.workCell.nameField')}</label>
        <input
          id={ids.name}
          type="text"
          value={name}
          maxLength={IMPORT_OPTION_MAX.name}
          disabled={!editable}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${ids.name}-hint ${ids.name}-error` : `${ids.name}-hint`}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${ids.name}-hint`} className="muted small">
          {t('imports.workCell.nameHint')}
        </p>
        {nameError ? (
          <p id={`${ids.name}-error`} className="field__error">
            {t('imports.plan.errors.required')}
          </p>
        ) : null}
      </div>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('imports.workCell.objective')}</dt>
          <dd>{named || t('imports.workCell.noObjective')}</dd>
        </div>
        {named ? (
          <div>
            <dt>{t('imports.workCell.objectiveMatch')}</dt>
            <dd>
              {preview.objective ? (
                <span className="import-match import-match--found">
                  {t('imports.workCell.objectiveFound', { code: preview.objective.code, plan: preview.objective.planTitle })}
                </span>
              ) : (
                <span className="import-match import-match--missing">{t('imports.workCell.objectiveNotFound')}</span>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="field">
        <label htmlFor={planSelectId}>{t('imports.workCell.plan')}</label>
        <select
          id={planSelectId}
          value={planId}
          disabled={!editable}
          aria-describedby={`${planSelectId}-hint`}
          onChange={(event) => setPlanId(event.target.value)}
        >
          <option value="">{t('imports.workCell.anyPlan')}</option>
          {(plans.data?.items ?? []).map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.title}
            </option>
          ))}
        </select>
        <p id={`${planSelectId}-hint`} className="muted small">
          {t('imports.workCell.planHint')}
        </p>
      </div>
      {editable ? (
        <OptionsActions
          dirty={dirty}
          applying={applying}
          onReset={() => {
            setPlanId(initial.planId);
            setName(initial.name);
          }}
        />
      ) : null}
    </form>
  );
}

/** What a fiche synthèse import will create: the cell, its steps by phase, its partners (and the organisations that are new). */
export function WorkCellPreviewView(props: OptionsFormProps<WorkCellImport> & { preview: WorkCellPreview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const ids = { heading: useId(), steps: useId(), partners: useId() };
  const { preview } = props;

  // Steps grouped by phase, in the fiche's order.
  const phases: { phase: string | null; steps: WorkCellPreview['steps'] }[] = [];
  for (const step of preview.steps) {
    const last = phases.at(-1);
    if (last && last.phase === step.phase) last.steps.push(step);
    else phases.push({ phase: step.phase, steps: [step] });
  }

  return (
    <section className="import-panel import-preview" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('imports.workCell.heading')}</h2>
      <p className="muted">{props.editable ? t('imports.workCell.intro') : t('imports.workCell.introReadOnly')}</p>

      <CellOptions {...props} />

      <dl className="facts facts--stacked">
        <div>
          <dt>{t('imports.workCell.startDate')}</dt>
          <dd>
            {preview.startDate ? formatDate(preview.startDate, language) : t('common.none')}
            {preview.startDateText && preview.startDateText !== preview.startDate ? (
              <span className="muted"> ({preview.startDateText})</span>
            ) : null}
          </dd>
        </div>
        {preview.mandate ? (
          <div>
            <dt>{t('imports.workCell.mandate')}</dt>
            <dd className="text-block">{preview.mandate}</dd>
          </div>
        ) : null}
        {preview.contact ? (
          <div>
            <dt>{t('imports.workCell.contact')}</dt>
            <dd>{preview.contact}</dd>
          </div>
        ) : null}
      </dl>

      <ul className="import-counts" aria-label={t('imports.workCell.countsLabel')}>
        <li>{t('imports.workCell.counts.steps', { count: preview.counts.steps })}</li>
        <li>{t('imports.workCell.counts.partners', { count: preview.counts.partners })}</li>
        <li>{t('imports.workCell.counts.newOrganizations', { count: preview.counts.newOrganizations })}</li>
      </ul>

      <h3 id={ids.steps}>{t('imports.workCell.steps')}</h3>
      {preview.steps.length === 0 ? <p className="empty">{t('imports.workCell.noSteps')}</p> : null}
      {phases.map((group, index) => (
        <div key={index} className="phase">
          {group.phase ? <h4>{group.phase}</h4> : null}
          <ul className="checklist">
            {group.steps.map((step, s) => (
              <li key={s} className={`checklist__item${step.done ? ' checklist__item--done' : ''}`}>
                <span className="checklist__mark" aria-hidden="true">
                  {step.done ? '✓' : ''}
                </span>
                <span>
                  <span className="visually-hidden">{step.done ? t('imports.workCell.done') : t('imports.workCell.todo')} : </span>
                  {step.text}
                  {step.date ? <span className="muted small"> — {formatDate(step.date, language)}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}

      <h3 id={ids.partners}>{t('imports.workCell.partners')}</h3>
      {preview.partners.length === 0 ? (
        <p className="empty">{t('imports.workCell.noPartners')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby={ids.partners}>
            <thead>
              <tr>
                <th scope="col">{t('imports.workCell.organization')}</th>
                <th scope="col">{t('imports.workCell.network')}</th>
                <th scope="col">{t('imports.workCell.sector')}</th>
                <th scope="col">{t('imports.workCell.inDirectory')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.partners.map((partner, index) => (
                <tr key={index}>
                  <th scope="row">
                    {partner.organization}
                    {partner.acronym ? <span className="muted"> ({partner.acronym})</span> : null}
                  </th>
                  <td>{partner.network ? t(`network.${partner.network}`, { defaultValue: partner.network }) : t('common.none')}</td>
                  <td>{partner.sector || t('common.none')}</td>
                  <td>
                    {partner.existing ? (
                      <span className="badge badge--success" title={partner.existing.name}>
                        {t('imports.workCell.existing')}
                      </span>
                    ) : (
                      <span className="badge badge--value">{t('imports.workCell.newOrganization')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.partnersNote ? <p className="muted">{preview.partnersNote}</p> : null}
    </section>
  );
}
