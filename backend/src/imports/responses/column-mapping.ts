// What a column holds besides a question's answers (the row's date, identifier, language): COLUMN_TARGETS, in
// @repere/contract, which the web app's mapping offers too.
import { COLUMN_TARGETS } from '@repere/contract';
import type { Question } from '@backend/questionnaires/question.types';
import { problem, ImportProblem } from '../import-problem';
import { fold } from './fold';

export interface ColumnMapping {
  /** By column index: a question id, a COLUMN_TARGET, or '@ignore'. */
  readonly targets: readonly string[];
  readonly problems: readonly ImportProblem[];
}

// Headers other tools give these columns: Google Forms « Horodateur », LimeSurvey « Date de soumission »…
const DATE_HEADER =
  /^(date|horodateur|horodatage|timestamp|submitted at|submission date|date de soumission|date soumise|date de (la )?reponse|response date|answered at|created at|date de creation|completed at|date)$/;
const ID_HEADER = /^(id|identifiant|response id|id de (la )?reponse|respondent id|submission id|numero|n|no|n o|reference)$/;
const LANGUAGE_HEADER = /^(langue|language|lang|langue de (la )?reponse|response language)$/;

function autoTarget(header: string, questions: readonly Question[]): string {
  const h = fold(header);
  if (h === '') return '@ignore';
  const q = questions.find((question) => fold(question.id) === h || Object.values(question.label).some((label) => fold(label) === h));
  if (q) return q.id;
  if (DATE_HEADER.test(h)) return '@date';
  if (ID_HEADER.test(h)) return '@id';
  if (LANGUAGE_HEADER.test(h)) return '@language';
  return '@ignore';
}

/**
 * Maps the file's columns: by header, to the question whose label (in any of its languages) or id it is, or to the
 * row's date, identifier or language; the user's choices (`chosen`, by header) come first. A file without a date
 * column, a choice naming no column or no question, or two columns for one question are problems.
 */
export function mapColumns(headers: readonly string[], questions: readonly Question[], chosen: Record<string, string> = {}): ColumnMapping {
  const problems: ImportProblem[] = [];
  const byHeader = new Map(headers.map((h, i) => [h.trim(), i]));
  for (const header of Object.keys(chosen)) {
    if (!byHeader.has(header.trim()))
      problems.push(problem(1, header, 'unknown_column', `No column of the file is named "${header}"`, { column: header }));
  }
  const ids = new Set(questions.map((q) => q.id));
  const targets = headers.map((header) => {
    const wanted = chosen[header] ?? chosen[header.trim()];
    if (wanted === undefined) return autoTarget(header, questions);
    if (!ids.has(wanted) && !(COLUMN_TARGETS as readonly string[]).includes(wanted)) {
      problems.push(
        problem(1, header, 'unknown_question', `Column "${header}" is mapped to "${wanted}", which is no question of this questionnaire`, {
          column: header,
          value: wanted,
        }),
      );
      return '@ignore';
    }
    return wanted;
  });
  const seen = new Map<string, string>();
  targets.forEach((target, i) => {
    if (target === '@ignore') return;
    const first = seen.get(target);
    if (first !== undefined) {
      problems.push(
        problem(
          1,
          headers[i],
          'duplicate_column',
          `Columns "${first}" and "${headers[i]}" both hold ${target.startsWith('@') ? target.slice(1) : `question ${target}`}`,
          { column: headers[i] },
        ),
      );
    } else seen.set(target, headers[i]);
  });
  if (!targets.includes('@date')) {
    problems.push(
      problem(
        1,
        null,
        'missing_column',
        'No column gives the date of each response (a column named « Date » or « Horodateur », or chosen as the date)',
        { column: 'date' },
      ),
    );
  }
  if (!targets.some((t) => ids.has(t))) {
    problems.push(
      problem(
        1,
        null,
        'missing_column',
        'No column matches a question of this questionnaire: name the columns after the questions or choose them',
        { column: 'questions' },
      ),
    );
  }
  return { targets, problems };
}
