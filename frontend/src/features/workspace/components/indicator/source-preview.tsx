import { useTranslation } from 'react-i18next';
import { useWorkCells } from '@/features/dashboard/hooks/use-dashboard';
import type { PlanTree } from '@/features/workspace/api/plan-api';
import type { Questionnaire, QuestionnaireListItem } from '@/features/workspace/api/questionnaires-api';
import type { IndicatorFields, RatioFields } from '@/features/workspace/components/indicator/indicator-form-state';
import { answerOptions, pick } from '@/features/workspace/components/questionnaire/translations';

interface SourcePreviewProps {
  form: IndicatorFields;
  tree: PlanTree;
  questionnaires: QuestionnaireListItem[];
  questionnaire: Questionnaire | undefined;
}

/**
 * Before saving, in words: which questionnaire, which question and which answers the indicator will count, and
 * how many responses there are to count. The value itself is computed by the workers once it is saved.
 */
export function SourcePreview({ form, tree, questionnaires, questionnaire }: SourcePreviewProps) {
  const { t, i18n } = useTranslation();
  // The list the work cell was chosen from (work-cell-source-fields.tsx): read from the same cache.
  const cells = useWorkCells().data?.items;
  const language = i18n.resolvedLanguage ?? 'fr';
  const none = t('workspace.indicator.previewMissing');
  const separator = t('common.listSeparator');
  const titleOf = (id: string): string => questionnaires.find((item) => item.id === id)?.title ?? none;
  const instrumentNames = (ids: string[]): string =>
    ids.map((id) => tree.instruments.find((instrument) => instrument.id === id)?.name ?? id).join(separator) || none;

  const lines: string[] = [];
  const fallback = questionnaire?.defaultLanguage ?? 'fr';
  const question = questionnaire?.questions.find((candidate) => candidate.id === form.questionId);
  const questionLabel = question ? `« ${pick(question.label, language, fallback)} »` : none;
  const answerLabels = (): string => {
    if (!question) return none;
    const options = answerOptions(question, language, fallback, { yes: t('workspace.preview.yes'), no: t('workspace.preview.no') });
    const picked = options.filter((option) => form.anyOf.some((value) => value === option.value)).map((option) => option.label);
    return picked.join(separator) || none;
  };
  const responses = questionnaire?.versions.reduce((sum, version) => sum + (version.responseCount ?? 0), 0);

  switch (form.kind) {
    case 'response_count':
      lines.push(
        t('workspace.indicator.preview.responses', { questionnaire: form.questionnaireId ? titleOf(form.questionnaireId) : none }),
      );
      if (form.questionId) lines.push(t('workspace.indicator.preview.filtered', { question: questionLabel, answers: answerLabels() }));
      break;
    case 'answer_share':
      lines.push(
        t('workspace.indicator.preview.share', {
          questionnaire: form.questionnaireId ? titleOf(form.questionnaireId) : none,
          question: questionLabel,
        }),
      );
      lines.push(t('workspace.indicator.preview.answers', { answers: answerLabels() }));
      break;
    case 'scale_mean':
      lines.push(
        t('workspace.indicator.preview.mean', {
          questionnaire: form.questionnaireId ? titleOf(form.questionnaireId) : none,
          question: questionLabel,
        }),
      );
      break;
    case 'participation_sum':
      lines.push(t('workspace.indicator.preview.sum', { instruments: instrumentNames(form.instrumentIds) }));
      break;
    case 'ratio': {
      const describe = (part: RatioFields): string => {
        if (part.kind === 'constant') return t('workspace.indicator.preview.constant', { value: part.value || none });
        if (part.kind === 'response_count')
          return t('workspace.indicator.preview.responses', { questionnaire: part.questionnaireId ? titleOf(part.questionnaireId) : none });
        return t('workspace.indicator.preview.sum', { instruments: instrumentNames(part.instrumentIds) });
      };
      lines.push(t('workspace.indicator.preview.ratio', { numerator: describe(form.numerator), denominator: describe(form.denominator) }));
      break;
    }
    case 'manual':
      lines.push(t('workspace.indicator.preview.manual'));
      break;
    case 'work_steps_done':
      lines.push(t('workStepsIndicator.preview', { cell: cells?.find((cell) => cell.id === form.workCellId)?.name ?? none }));
      if (form.phase) lines.push(t('workStepsIndicator.previewPhase', { phase: form.phase }));
      break;
  }

  return (
    <section className="ws-preview-box" aria-labelledby="indicator-preview-title" aria-live="polite">
      <h3 id="indicator-preview-title" className="subheading">
        {t('workspace.indicator.previewTitle')}
      </h3>
      <ul className="bullets" data-testid="indicator-source-preview">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {responses !== undefined && (form.kind === 'response_count' || form.kind === 'answer_share' || form.kind === 'scale_mean') ? (
          <li>{t('workspace.indicator.preview.received', { count: responses })}</li>
        ) : null}
      </ul>
    </section>
  );
}
