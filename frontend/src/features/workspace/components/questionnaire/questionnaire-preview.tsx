import { useTranslation } from 'react-i18next';
import type { Translations } from '@repere/contract';
import type { BuilderDraft, QuestionDraft } from '@/features/workspace/components/questionnaire/builder-state';
import { directionOf, pick } from '@/features/workspace/components/questionnaire/translations';

interface ResidentWords {
  yes: string;
  no: string;
  preferNot: string;
}

/**
 * The resident page's own words for these answers, as src/resident/lib/messages.ts has them (its catalogs are fr,
 * en, ar and es; any other language gets English). Copied rather than imported: importing that module here would
 * split it out of the resident page's bundle into a chunk shared with the staff app, one more request on a phone.
 */
const ENGLISH: ResidentWords = { yes: 'Yes', no: 'No', preferNot: 'I prefer not to answer' };
const RESIDENT_WORDS: Record<string, ResidentWords> = {
  fr: { yes: 'Oui', no: 'Non', preferNot: 'Je préfère ne pas répondre' },
  en: ENGLISH,
  ar: { yes: 'نعم', no: 'لا', preferNot: 'أفضّل عدم الإجابة' },
  es: { yes: 'Sí', no: 'No', preferNot: 'Prefiero no responder' },
};

interface PreviewProps {
  draft: BuilderDraft;
  language: string;
}

/**
 * The questionnaire as a resident reading `language` would see it: labels in that language, right to left for
 * Arabic, Urdu, Persian or Hebrew, and the default language's text (marked) where a translation is missing.
 */
export function QuestionnairePreview({ draft, language }: PreviewProps) {
  const { t } = useTranslation();
  const fallback = draft.defaultLanguage;
  const dir = directionOf(language);
  const resident = (key: keyof ResidentWords): string => (RESIDENT_WORDS[language] ?? ENGLISH)[key];

  /** A text in the preview's language, or the fallback with a mark a reviewer sees at once. */
  const show = (texts: Translations, Tag: 'span' | 'p' | 'h3' = 'span') => {
    const own = texts[language]?.trim();
    if (own) return <Tag>{own}</Tag>;
    const other = pick(texts, language, fallback);
    if (!other) return <Tag className="ws-missing">{t('workspace.preview.empty')}</Tag>;
    return (
      <Tag lang={fallback} dir={directionOf(fallback)} className="ws-missing" title={t('workspace.preview.missingTitle')}>
        {other} <span className="visually-hidden">{t('workspace.preview.missingTitle')}</span>
      </Tag>
    );
  };

  const answers = (question: QuestionDraft, n: number) => {
    const name = `preview-${language}-${n}`;
    switch (question.type) {
      case 'single_choice':
      case 'multiple_choice':
        return (
          <div className="ws-preview__choices">
            {question.choices.map((choice) => (
              <label key={choice.key} className="ws-check">
                <input type={question.type === 'single_choice' ? 'radio' : 'checkbox'} name={name} tabIndex={-1} />
                {show(choice.label)}
              </label>
            ))}
          </div>
        );
      case 'yes_no':
        return (
          <div className="ws-preview__choices">
            <label className="ws-check">
              <input type="radio" name={name} tabIndex={-1} />
              <span>{resident('yes')}</span>
            </label>
            <label className="ws-check">
              <input type="radio" name={name} tabIndex={-1} />
              <span>{resident('no')}</span>
            </label>
          </div>
        );
      case 'scale': {
        const min = Number(question.min);
        const max = Number(question.max);
        const points =
          Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 100
            ? Array.from({ length: max - min + 1 }, (_, k) => min + k)
            : [];
        return (
          <div className="ws-preview__scale">
            {show(question.minLabel)}
            <span className="ws-preview__points">
              {points.map((point) => (
                <span key={point} className="ws-preview__point">
                  {point}
                </span>
              ))}
            </span>
            {show(question.maxLabel)}
          </div>
        );
      }
      case 'number':
        return <input type="number" tabIndex={-1} aria-hidden="true" />;
      case 'date':
        return <input type="date" tabIndex={-1} aria-hidden="true" />;
      case 'long_text':
        return <textarea rows={2} tabIndex={-1} aria-hidden="true" />;
      default:
        return <input type="text" tabIndex={-1} aria-hidden="true" />;
    }
  };

  return (
    <div className="ws-preview" lang={language} dir={dir} data-testid="questionnaire-preview">
      {show(draft.title, 'h3')}
      {Object.values(draft.description).some((value) => value.trim() !== '') ? show(draft.description, 'p') : null}
      <ol className="ws-preview__questions">
        {draft.questions.map((question, n) => {
          const source = question.showIf ? draft.questions.findIndex((candidate) => candidate.id === question.showIf?.questionId) : -1;
          return (
            <li key={question.id} className="ws-preview__question">
              <p className="ws-preview__label">
                {show(question.label)}
                {question.required ? <span aria-hidden="true"> *</span> : null}
              </p>
              {Object.values(question.help).some((value) => value.trim() !== '') ? (
                <p className="muted small">{show(question.help)}</p>
              ) : null}
              {answers(question, n)}
              {question.allowPreferNot ? (
                <label className="ws-check muted small">
                  <input type="checkbox" tabIndex={-1} />
                  <span>{resident('preferNot')}</span>
                </label>
              ) : null}
              {source >= 0 ? (
                <p className="ws-preview__condition" lang={document.documentElement.lang} dir="ltr">
                  {t('workspace.preview.condition', { number: source + 1 })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
