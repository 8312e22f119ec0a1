import type { EvaluationKind } from '@backend/evaluations/evaluation-kind';
import { slug } from './render/report-format';
import type { ReportFormat, ReportLanguage } from './render/report-input';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const EVALUATION_NAMES: Record<ReportLanguage, Record<EvaluationKind, string>> = {
  fr: { midterm: 'evaluation-mi-parcours', final: 'evaluation-finale' },
  en: { midterm: 'midterm-evaluation', final: 'final-evaluation' },
};

/** « evaluation-mi-parcours-plan-d-action-2021-2023-…-2022-09-30.pdf »: what it is, of which plan, at which cut-off. */
export function evaluationFileName(
  kind: EvaluationKind,
  planTitle: string,
  cutoff: string,
  format: ReportFormat,
  language: ReportLanguage,
): string {
  return `${EVALUATION_NAMES[language][kind]}-${slug(planTitle)}-${cutoff}.${format}`;
}

/** « rapport-activite-2022-plan-d-action-2021-2023-….pdf ». */
export function activityFileName(planTitle: string, year: number, language: ReportLanguage): string {
  return `${language === 'fr' ? 'rapport-activite' : 'activity-report'}-${year}-${slug(planTitle)}.pdf`;
}

/** An attachment header whose name is plain ASCII already (file names are slugs). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}
