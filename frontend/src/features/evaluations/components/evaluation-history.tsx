import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RATINGS, EVALUATION_KINDS } from '@repere/contract';
import type { EvaluationSnapshot, HistoryEntry } from '@/features/evaluations/api/evaluations-api';
import { formatDateTime } from '@/features/evaluations/components/evaluation-format';
import { formatDate } from '@/lib/format';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && values.some((v) => v === value);

/** Who did what, and when: opened, frozen, assessed, closed. Kept forever by the API. */
export function EvaluationHistory({ history, snapshot }: { history: HistoryEntry[]; snapshot: EvaluationSnapshot | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const objectiveCodes = new Map(
    (snapshot?.orientations ?? []).flatMap((o) => o.objectives.map((objective) => [objective.id, objective.code] as const)),
  );

  const what = (entry: HistoryEntry): string => {
    const { detail } = entry;
    switch (entry.action) {
      case 'opened':
        return t('evaluations.history.opened', {
          kind: isOneOf(EVALUATION_KINDS, detail.kind) ? t(`evaluations.kindInline.${detail.kind}`) : String(detail.kind ?? ''),
          cutoff: formatDate(typeof detail.cutoff === 'string' ? detail.cutoff : null, language),
        });
      case 'frozen':
        return t('evaluations.history.frozen', { count: Number(detail.indicators ?? 0) });
      case 'assessed': {
        const objectiveId = String(detail.objectiveId ?? '');
        return t('evaluations.history.assessed', {
          objective: objectiveCodes.get(objectiveId) ?? objectiveId,
          rating: isOneOf(ASSESSMENT_RATINGS, detail.rating) ? t(`evaluations.rating.${detail.rating}`) : String(detail.rating ?? ''),
        });
      }
      case 'closed':
        return t('evaluations.history.closed');
      default:
        return String(entry.action);
    }
  };
  const who = (entry: HistoryEntry): string => {
    if (entry.userName) return entry.userName;
    return entry.userId === null ? t('evaluations.history.system') : t('evaluations.history.unknownUser');
  };

  return (
    <section className="eval-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('evaluations.history.heading')}</h2>
      {history.length === 0 ? (
        <p className="empty">{t('evaluations.history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('evaluations.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.history.when')}</th>
                <th scope="col">{t('evaluations.history.who')}</th>
                <th scope="col">{t('evaluations.history.what')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, index) => (
                <tr key={`${entry.at}-${entry.action}-${index}`}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                  </td>
                  <td>{who(entry)}</td>
                  <td>{what(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
