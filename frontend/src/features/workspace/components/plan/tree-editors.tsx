import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, nextLevel, type HeadingLevel } from '@/components/heading';
import { RichText } from '@/components/rich-text';
import type { ActionNode, ExpectedResultNode, IndicatorNode, ObjectiveNode, OrientationNode } from '@/features/workspace/api/plan-api';
import { PartToolbar } from '@/features/workspace/components/plan/part-toolbar';
import { ActionForm, ObjectiveForm, OrientationForm, ResultForm } from '@/features/workspace/components/plan/part-forms';
import { formatDate } from '@/lib/format';

export const nextPositionOf = (items: readonly { position: number }[]): number =>
  items.reduce((max, item) => Math.max(max, item.position + 1), 0);

/** A button that opens a small creation form in place, and closes it once saved or cancelled. */
export function AddToggle({ label, children }: { label: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  if (open) return <div className="ws-add">{children(() => setOpen(false))}</div>;
  return (
    <button type="button" className="button button--secondary ws-add-button" onClick={() => setOpen(true)}>
      <span aria-hidden="true">+{'\u00a0'}</span>
      {label}
    </button>
  );
}

interface ResultsEditorProps {
  planId: string;
  objectiveId: string;
  actionId: string | null;
  results: ExpectedResultNode[];
  level: HeadingLevel;
}

function ResultsEditor({ planId, objectiveId, actionId, results, level }: ResultsEditorProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="ws-part">
      <Heading level={level} className="subheading">
        {t('workspace.plan.expectedResults')}
      </Heading>
      {results.length === 0 ? <p className="muted small">{t('workspace.plan.noResults')}</p> : null}
      <ul className="ws-list">
        {results.map((result, index) => (
          <li key={result.id} className="ws-list__item">
            {editing === result.id ? (
              <ResultForm
                planId={planId}
                objectiveId={objectiveId}
                actionId={actionId}
                result={result}
                onDone={() => setEditing(null)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <span className="ws-list__text">{result.text}</span>
                <PartToolbar
                  planId={planId}
                  part="expected-results"
                  siblings={results}
                  index={index}
                  name={t('workspace.plan.resultName', { text: result.text.slice(0, 60) })}
                  onEdit={() => setEditing(result.id)}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      <AddToggle label={t('workspace.plan.addResult')}>
        {(close) => (
          <ResultForm
            planId={planId}
            objectiveId={objectiveId}
            actionId={actionId}
            nextPosition={nextPositionOf(results)}
            onDone={close}
            onCancel={close}
          />
        )}
      </AddToggle>
    </div>
  );
}

interface IndicatorLinksProps {
  planId: string;
  objectiveId: string;
  actionId: string | null;
  indicators: IndicatorNode[];
  level: HeadingLevel;
}

/** Indicators are defined on a page of their own: here, the list and the way there. */
function IndicatorLinks({ planId, objectiveId, actionId, indicators, level }: IndicatorLinksProps) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ objectiveId, ...(actionId ? { actionId } : {}) });
  return (
    <div className="ws-part">
      <Heading level={level} className="subheading">
        {t('workspace.plan.indicators')}
      </Heading>
      {indicators.length > 0 ? (
        <ul className="ws-list">
          {indicators.map((indicator) => (
            <li key={indicator.id} className="ws-list__item">
              <span className="ws-list__text">
                {indicator.name}{' '}
                <span className="badge">
                  {t(`indicatorKind.${indicator.kind}` as 'indicatorKind.manual', { defaultValue: indicator.kind })}
                </span>
              </span>
              <Link
                className="button button--ghost"
                to={`/workspace/indicators/${indicator.id}`}
                aria-label={`${t('workspace.common.edit')} — ${indicator.name}`}
              >
                {t('workspace.common.edit')}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('workspace.plan.noIndicators')}</p>
      )}
      <Link className="button button--secondary ws-add-button" to={`/workspace/plans/${planId}/indicators/new?${query.toString()}`}>
        <span aria-hidden="true">+{'\u00a0'}</span>
        {t('workspace.plan.addIndicator')}
      </Link>
    </div>
  );
}

interface ActionEditorProps {
  planId: string;
  objectiveId: string;
  actions: ActionNode[];
  index: number;
  level: HeadingLevel;
}

function ActionEditor({ planId, objectiveId, actions, index, level }: ActionEditorProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const action = actions[index];
  if (!action) return null;
  const name = t('workspace.plan.actionName', { number: index + 1 });
  const schedule = action.schedule;
  const scheduleBadge =
    schedule.kind === 'date' && schedule.date
      ? formatDate(schedule.date, i18n.resolvedLanguage ?? 'fr')
      : t(`scheduleKind.${schedule.kind}`);

  return (
    <article className="card ws-node ws-node--action" aria-labelledby={`ws-action-${action.id}`}>
      <div className="ws-node__head">
        <Heading level={level} id={`ws-action-${action.id}`} className="ws-node__title">
          {name}
        </Heading>
        <PartToolbar planId={planId} part="actions" siblings={actions} index={index} name={name} onEdit={() => setEditing(true)} />
      </div>
      {editing ? (
        <ActionForm
          planId={planId}
          objectiveId={objectiveId}
          action={action}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <RichText text={action.description} />
          <dl className="facts facts--stacked">
            <div>
              <dt>{t('workspace.plan.schedule')}</dt>
              <dd>
                {schedule.text ? `${schedule.text} ` : null}
                <span className="badge">{scheduleBadge}</span>
                {schedule.recurrence ? <code className="ws-code"> {schedule.recurrence}</code> : null}
              </dd>
            </div>
            {action.resources ? (
              <div>
                <dt>{t('workspace.plan.resources')}</dt>
                <dd>{action.resources}</dd>
              </div>
            ) : null}
            {action.values.length > 0 ? (
              <div>
                <dt>{t('workspace.plan.values')}</dt>
                <dd>{action.values.map((value) => t(`policyValue.${value}`)).join(t('common.listSeparator'))}</dd>
              </div>
            ) : null}
          </dl>
        </>
      )}
      <ResultsEditor
        planId={planId}
        objectiveId={objectiveId}
        actionId={action.id}
        results={action.expectedResults}
        level={nextLevel(level)}
      />
      <IndicatorLinks
        planId={planId}
        objectiveId={objectiveId}
        actionId={action.id}
        indicators={action.indicators}
        level={nextLevel(level)}
      />
    </article>
  );
}

interface ObjectiveEditorProps {
  planId: string;
  orientationId: string;
  objectives: ObjectiveNode[];
  index: number;
  level: HeadingLevel;
}

export function ObjectiveEditor({ planId, orientationId, objectives, index, level }: ObjectiveEditorProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const objective = objectives[index];
  if (!objective) return null;
  const name = t('workspace.plan.objectiveName', { code: objective.code });
  const inner = nextLevel(level);

  return (
    <section
      className={objective.parentId ? 'ws-node ws-node--objective ws-node--sub' : 'ws-node ws-node--objective'}
      aria-labelledby={`ws-objective-${objective.id}`}
    >
      <div className="ws-node__head">
        <Heading level={level} id={`ws-objective-${objective.id}`} className="ws-node__title">
          <span className="code">{objective.code}</span> {objective.title}
        </Heading>
        <PartToolbar
          planId={planId}
          part="objectives"
          siblings={objectives}
          index={index}
          name={name}
          editLabel={t('workspace.common.rename')}
          onEdit={() => setEditing(true)}
        />
      </div>
      {editing ? (
        <ObjectiveForm
          planId={planId}
          orientationId={orientationId}
          objective={objective}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : null}

      <ResultsEditor planId={planId} objectiveId={objective.id} actionId={null} results={objective.expectedResults} level={inner} />
      <IndicatorLinks planId={planId} objectiveId={objective.id} actionId={null} indicators={objective.indicators} level={inner} />

      {objective.actions.map((action, actionIndex) => (
        <ActionEditor
          key={action.id}
          planId={planId}
          objectiveId={objective.id}
          actions={objective.actions}
          index={actionIndex}
          level={inner}
        />
      ))}
      <AddToggle label={t('workspace.plan.addActionTo', { code: objective.code })}>
        {(close) => (
          <ActionForm
            planId={planId}
            objectiveId={objective.id}
            nextPosition={nextPositionOf(objective.actions)}
            onDone={close}
            onCancel={close}
          />
        )}
      </AddToggle>

      {objective.objectives.map((child, childIndex) => (
        <ObjectiveEditor
          key={child.id}
          planId={planId}
          orientationId={orientationId}
          objectives={objective.objectives}
          index={childIndex}
          level={inner}
        />
      ))}
      <AddToggle label={t('workspace.plan.addSubObjectiveTo', { code: objective.code })}>
        {(close) => (
          <ObjectiveForm
            planId={planId}
            orientationId={orientationId}
            parentId={objective.id}
            nextPosition={nextPositionOf(objective.objectives)}
            onDone={close}
            onCancel={close}
          />
        )}
      </AddToggle>
    </section>
  );
}

interface OrientationEditorProps {
  planId: string;
  orientations: OrientationNode[];
  index: number;
}

export function OrientationEditor({ planId, orientations, index }: OrientationEditorProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const orientation = orientations[index];
  if (!orientation) return null;
  const heading = t('workspace.plan.orientationHeading', { number: orientation.number, title: orientation.title });
  const name = t('workspace.plan.orientationName', { number: orientation.number });

  return (
    <section className="ws-node ws-node--orientation" aria-labelledby={`ws-orientation-${orientation.id}`}>
      <div className="ws-node__head">
        <h2 id={`ws-orientation-${orientation.id}`} className="ws-node__title">
          {heading}
        </h2>
        <PartToolbar
          planId={planId}
          part="orientations"
          siblings={orientations}
          index={index}
          name={name}
          editLabel={t('workspace.common.rename')}
          onEdit={() => setEditing(true)}
        />
      </div>
      {editing ? (
        <OrientationForm planId={planId} orientation={orientation} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : null}
      {orientation.objectives.length === 0 ? <p className="muted small">{t('workspace.plan.noObjectives')}</p> : null}
      {orientation.objectives.map((objective, objectiveIndex) => (
        <ObjectiveEditor
          key={objective.id}
          planId={planId}
          orientationId={orientation.id}
          objectives={orientation.objectives}
          index={objectiveIndex}
          level={3}
        />
      ))}
      <AddToggle label={t('workspace.plan.addObjectiveTo', { number: orientation.number })}>
        {(close) => (
          <ObjectiveForm
            planId={planId}
            orientationId={orientation.id}
            nextPosition={nextPositionOf(orientation.objectives)}
            onDone={close}
            onCancel={close}
          />
        )}
      </AddToggle>
    </section>
  );
}
