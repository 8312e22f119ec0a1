import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_TARGETS } from '@repere/contract';
import { isColumnTarget, type ResponsesImport, type ResponsesPreview } from '@/features/imports/api/imports-api';
import { OptionsActions, type OptionsFormProps } from '@/features/imports/components/options-actions';
import { formatDate } from '@/lib/format';

type Choices = Record<string, Record<string, string>>;

interface LabelRow {
  questionId: string;
  label: string;
  count: number | null;
}

const initialColumns = (preview: ResponsesPreview): Record<string, string> =>
  Object.fromEntries(preview.columns.map((column) => [column.header, column.target ?? '']));

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

function sameChoices(a: Choices, b: Choices): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameRecord(a[key] ?? {}, b[key] ?? {}));
}

/** Without the empty picks: an answer left unmatched is not sent. */
function cleanChoices(choices: Choices): Choices {
  const clean: Choices = {};
  for (const [questionId, labels] of Object.entries(choices)) {
    const kept = Object.entries(labels).filter(([, value]) => value !== '');
    if (kept.length > 0) clean[questionId] = Object.fromEntries(kept);
  }
  return clean;
}

/** The past responses' file: what each column is, which answers the questionnaire does not know, and how many rows are new. */
export function ResponsesPreviewView({
  dto,
  preview,
  editable,
  applying,
  onApply,
  onDirtyChange,
}: OptionsFormProps<ResponsesImport> & { preview: ResponsesPreview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const ids = { heading: useId(), columns: useId(), labels: useId() };
  const startColumns = useMemo(() => initialColumns(preview), [preview]);
  const startChoices = useMemo<Choices>(() => dto.options.choices ?? {}, [dto.options.choices]);
  const [columns, setColumns] = useState<Record<string, string>>(startColumns);
  const [choices, setChoices] = useState<Choices>(startChoices);
  const dirty = !sameRecord(columns, startColumns) || !sameChoices(choices, startChoices);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const questionById = new Map(preview.questions.map((question) => [question.id, question]));
  // The answers still unknown, then those already matched by an earlier choice (so the choice can be changed back).
  const labelRows: LabelRow[] = [...preview.unmatchedLabels];
  for (const [questionId, labels] of Object.entries(startChoices)) {
    for (const label of Object.keys(labels)) {
      if (!labelRows.some((row) => row.questionId === questionId && row.label === label))
        labelRows.push({ questionId, label, count: null });
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const mapped = Object.fromEntries(Object.entries(columns).filter(([, target]) => target !== ''));
    onApply({ columns: mapped, choices: cleanChoices(choices) });
  };

  const reset = (): void => {
    setColumns(startColumns);
    setChoices(startChoices);
  };

  const targetLabel = (target: string): string =>
    isColumnTarget(target) ? t(`imports.responses.targets.${target}`) : (questionById.get(target)?.label ?? target);

  return (
    <section className="import-panel import-preview" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('imports.responses.heading')}</h2>
      <p className="muted">
        {t('imports.responses.questionnaire', { title: preview.questionnaire.title, version: preview.questionnaire.version })}
      </p>

      <ul className="import-counts" aria-label={t('imports.responses.countsLabel')}>
        <li>{t('imports.responses.rows', { count: preview.rows })}</li>
        {/* Counted against the stored responses only once every row reads: unknown while there are problems. */}
        {preview.newRows !== null ? <li>{t('imports.responses.newRows', { count: preview.newRows })}</li> : null}
        {preview.alreadyImported !== null ? <li>{t('imports.responses.alreadyImported', { count: preview.alreadyImported })}</li> : null}
      </ul>
      {preview.firstDate && preview.lastDate ? (
        <p>
          {t('imports.responses.dateRange', {
            first: formatDate(preview.firstDate, language),
            last: formatDate(preview.lastDate, language),
          })}
        </p>
      ) : null}

      <form
        className="form import-options import-options--wide"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('imports.responses.optionsLabel')}
      >
        <h3 id={ids.columns}>{t('imports.responses.columnsHeading')}</h3>
        <p className="muted small">{t('imports.responses.columnsIntro')}</p>
        <div className="table-wrap">
          <table aria-labelledby={ids.columns}>
            <thead>
              <tr>
                <th scope="col">{t('imports.responses.header')}</th>
                <th scope="col">{t('imports.responses.sample')}</th>
                <th scope="col">{t('imports.responses.target')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column, index) => {
                const value = columns[column.header] ?? '';
                return (
                  <tr key={`${column.header}-${index}`}>
                    <th scope="row">{column.header || t('imports.responses.noHeader', { number: index + 1 })}</th>
                    <td>
                      {column.sample.length > 0 ? (
                        <ul className="import-samples" aria-label={t('imports.responses.sample')}>
                          {column.sample.map((sample, s) =>
                            sample === '' ? (
                              <li key={s} className="import-samples__empty">
                                {t('imports.responses.emptySample')}
                              </li>
                            ) : (
                              <li key={s} title={sample}>
                                {sample}
                              </li>
                            ),
                          )}
                        </ul>
                      ) : (
                        t('common.none')
                      )}
                    </td>
                    <td>
                      <select
                        value={value}
                        disabled={!editable}
                        aria-label={t('imports.responses.targetFor', { header: column.header })}
                        aria-invalid={value === '' ? true : undefined}
                        onChange={(event) => setColumns((previous) => ({ ...previous, [column.header]: event.target.value }))}
                      >
                        {value === '' ? <option value="">{t('imports.responses.unmatched')}</option> : null}
                        <optgroup label={t('imports.responses.questionsGroup')}>
                          {preview.questions.map((question) => (
                            <option key={question.id} value={question.id}>
                              {question.label}
                            </option>
                          ))}
                        </optgroup>
                        <optgroup label={t('imports.responses.otherGroup')}>
                          {COLUMN_TARGETS.map((target) => (
                            <option key={target} value={target}>
                              {targetLabel(target)}
                            </option>
                          ))}
                        </optgroup>
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        {labelRows.length > 0 ? (
          <>
            <h3 id={ids.labels}>{t('imports.responses.labelsHeading')}</h3>
            <p className="muted small">{t('imports.responses.labelsIntro')}</p>
            <div className="table-wrap">
              <table aria-labelledby={ids.labels}>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.responses.question')}</th>
                    <th scope="col">{t('imports.responses.label')}</th>
                    <th scope="col">{t('imports.responses.count')}</th>
                    <th scope="col">{t('imports.responses.choice')}</th>
                  </tr>
                </thead>
                <tbody>
                  {labelRows.map((row) => {
                    const question = questionById.get(row.questionId);
                    const value = choices[row.questionId]?.[row.label] ?? '';
                    return (
                      <tr key={`${row.questionId}-${row.label}`}>
                        <td>{question?.label ?? row.questionId}</td>
                        <th scope="row">
                          <span className="import-label">{row.label}</span>
                        </th>
                        <td>{row.count ?? t('common.none')}</td>
                        <td>
                          <select
                            value={value}
                            disabled={!editable}
                            aria-label={t('imports.responses.choiceFor', { label: row.label, question: question?.label ?? row.questionId })}
                            onChange={(event) =>
                              setChoices((previous) => ({
                                ...previous,
                                [row.questionId]: { ...previous[row.questionId], [row.label]: event.target.value },
                              }))
                            }
                          >
                            <option value="">{t('imports.responses.noChoice')}</option>
                            {(question?.choices ?? []).map((choice) => (
                              <option key={choice.value} value={choice.value}>
                                {choice.label}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {editable ? <OptionsActions dirty={dirty} applying={applying} onReset={reset} /> : null}
      </form>
    </section>
  );
}
