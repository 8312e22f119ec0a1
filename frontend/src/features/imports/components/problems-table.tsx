import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemField, isProblemWording, type ImportProblem, type ProblemWording } from '@/features/imports/api/imports-api';

/** The wording a problem takes: its code, or the variant of it its params name. */
function wordingOf(problem: ImportProblem): ProblemWording | null {
  const params = problem.params ?? {};
  switch (problem.code) {
    case 'missing_column':
      if (params.column === 'date') return 'missing_column_date';
      if (params.column === 'questions') return 'missing_column_questions';
      return 'missing_column';
    case 'already_exists':
      if (params.field === 'title') return 'already_exists_plan';
      if (params.field === 'name') return 'already_exists_work_cell';
      return null;
    case 'bad_date':
      return params.field === 'endDate' ? 'bad_date_order' : 'bad_date';
    case 'invalid_answer': {
      if (params.value !== undefined) return 'invalid_answer_yes_no';
      // A required question no column answers: the row has no cell to point at.
      if (params.reason === 'required' && problem.column === null) return 'invalid_answer_required_no_column';
      const byReason = `invalid_answer_${String(params.reason)}`;
      return isProblemWording(byReason) ? byReason : 'invalid_answer';
    }
    default:
      return isProblemWording(problem.code) ? problem.code : null;
  }
}

/**
 * A problem in the user's language, from its `code` and `params`; the API's own English `message` when the code is
 * one this page does not know, or when the wording needs a fact the API did not give. `questionLabel` names the
 * questions of a responses file, which the API's params give by id.
 */
export function useProblemText(questionLabel?: (id: string) => string | undefined): (problem: ImportProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    const wording = wordingOf(problem);
    if (wording === null) return problem.message;
    const params = problem.params ?? {};
    const field = isProblemField(params.field) ? t(`imports.problems.fields.${params.field}`) : params.field;
    const question = typeof params.question === 'string' ? (questionLabel?.(params.question) ?? params.question) : params.question;
    const values = { ...params, column: params.column ?? problem.column ?? undefined, field, question };
    const text = t(`imports.problems.codes.${wording}`, values);
    // A placeholder left as is: the API did not give the fact the wording needs.
    return text.includes('{{') ? problem.message : text;
  };
}

/** Every problem the analysis found, where to find it in the file: line, column, then what is wrong. */
export function ProblemsTable({
  problems,
  problemCount,
  questionLabel,
}: {
  problems: ImportProblem[];
  problemCount: number;
  questionLabel?: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const textOf = useProblemText(questionLabel);
  if (problemCount === 0) return null;
  return (
    <section className="import-panel import-problems" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('imports.problems.heading', { count: problemCount })}</h2>
      <p className="muted">{t('imports.problems.intro')}</p>
      {problems.length < problemCount ? (
        <p className="muted small">{t('imports.problems.shownOf', { shown: problems.length, count: problemCount })}</p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('imports.problems.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.problems.row')}</th>
              <th scope="col">{t('imports.problems.column')}</th>
              <th scope="col">{t('imports.problems.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={`${problem.row ?? 'file'}-${problem.column ?? ''}-${problem.code}-${index}`}>
                <td className="import-problems__row">{problem.row ?? t('imports.problems.wholeFile')}</td>
                <td>{problem.column ?? t('common.none')}</td>
                <td>{textOf(problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
