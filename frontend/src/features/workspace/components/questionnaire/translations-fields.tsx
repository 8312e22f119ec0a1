import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH, type Translations } from '@repere/contract';
import { FieldError, TextField } from '@/features/workspace/components/form-fields';
import { fieldId } from '@/features/workspace/components/form-errors';
import { directionOf, languageName } from '@/features/workspace/components/questionnaire/translations';

interface TranslationsFieldsProps {
  prefix: string;
  /** The API path of the text: `title`, `questions.2.label`… */
  field: string;
  legend: string;
  texts: Translations;
  languages: readonly string[];
  defaultLanguage: string;
  onChange: (texts: Translations) => void;
  errorFor: (field: string) => string | null;
  multiline?: boolean;
  hint?: string;
}

/** One input per language of the questionnaire, each written in its own direction (Arabic right to left). */
export function TranslationsFields({
  prefix,
  field,
  legend,
  texts,
  languages,
  defaultLanguage,
  onChange,
  errorFor,
  multiline,
  hint,
}: TranslationsFieldsProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage ?? 'fr';
  const groupError = errorFor(field);
  return (
    <fieldset className="ws-translations" data-field={field}>
      <legend>{legend}</legend>
      {hint ? <p className="muted small">{hint}</p> : null}
      <div className="ws-translations__inputs">
        {languages.map((language) => (
          <TextField
            key={language}
            id={fieldId(prefix, `${field}.${language}`)}
            field={`${field}.${language}`}
            label={
              language === defaultLanguage
                ? t('workspace.builder.languageDefault', { language: languageName(language, uiLanguage), code: language })
                : t('workspace.builder.languageLabel', { language: languageName(language, uiLanguage), code: language })
            }
            value={texts[language] ?? ''}
            lang={language}
            dir={directionOf(language)}
            multiline={multiline}
            rows={2}
            maxLength={MAX_TEXT_LENGTH}
            onChange={(value) => onChange({ ...texts, [language]: value })}
            error={errorFor(`${field}.${language}`)}
          />
        ))}
      </div>
      <FieldError id={`${fieldId(prefix, field)}-error`} message={groupError} />
    </fieldset>
  );
}
