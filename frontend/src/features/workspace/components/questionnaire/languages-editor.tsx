import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODE } from '@repere/contract';
import { FieldError, SelectField } from '@/features/workspace/components/form-fields';
import { fieldId } from '@/features/workspace/components/form-errors';
import { directionOf, languageName, nativeLanguageName } from '@/features/workspace/components/questionnaire/translations';

/** Languages spoken in the neighbourhoods of the seeds, offered first; any other code may be typed. */
const SUGGESTED = ['fr', 'en', 'ar', 'es', 'pa', 'bn', 'ur', 'el', 'ta', 'fa', 'zh', 'vi', 'ht', 'pt', 'ru', 'tl'];

interface LanguagesEditorProps {
  prefix: string;
  languages: string[];
  defaultLanguage: string;
  onAdd: (language: string) => void;
  onRemove: (language: string) => void;
  onDefault: (language: string) => void;
  errorFor: (field: string) => string | null;
}

export function LanguagesEditor({ prefix, languages, defaultLanguage, onAdd, onRemove, onDefault, errorFor }: LanguagesEditorProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage ?? 'fr';
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const addId = fieldId(prefix, 'languages-new');

  const add = (): void => {
    const value = code.trim().toLowerCase();
    if (!LANGUAGE_CODE.test(value)) {
      setProblem(t('workspace.errors.language'));
      return;
    }
    if (languages.includes(value)) {
      setProblem(t('workspace.errors.languageRepeat', { code: value }));
      return;
    }
    onAdd(value);
    setCode('');
    setProblem(null);
  };

  return (
    <fieldset className="ws-fieldset" data-field="languages">
      <legend>{t('workspace.builder.languages')}</legend>
      <ul className="ws-chips" aria-label={t('workspace.builder.languagesList')}>
        {languages.map((language, n) => (
          <li key={language} className="ws-chip">
            <span lang={language} dir={directionOf(language)}>
              {nativeLanguageName(language)}
            </span>{' '}
            <span className="muted">
              ({languageName(language, uiLanguage)}, {language})
            </span>
            <button
              type="button"
              className="button button--ghost ws-chip__remove"
              aria-label={t('workspace.builder.removeLanguage', { language: languageName(language, uiLanguage) })}
              disabled={language === defaultLanguage}
              onClick={() => onRemove(language)}
            >
              ×
            </button>
            <FieldError id={`${fieldId(prefix, `languages.${n}`)}-error`} message={errorFor(`languages.${n}`)} />
          </li>
        ))}
      </ul>
      <FieldError id={`${fieldId(prefix, 'languages')}-error`} message={errorFor('languages')} />
      <div className="field">
        <label htmlFor={addId}>{t('workspace.builder.addLanguage')}</label>
        <div className="ws-inline-input">
          <input
            id={addId}
            type="text"
            list={`${addId}-list`}
            value={code}
            maxLength={3}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={[`${addId}-hint`, problem ? `${addId}-error` : null].filter(Boolean).join(' ')}
            onChange={(event) => {
              setCode(event.target.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t('workspace.builder.addLanguageButton')}
          </button>
        </div>
        <datalist id={`${addId}-list`}>
          {SUGGESTED.filter((suggestion) => !languages.includes(suggestion)).map((suggestion) => (
            <option key={suggestion} value={suggestion}>
              {languageName(suggestion, uiLanguage)}
            </option>
          ))}
        </datalist>
        <p id={`${addId}-hint`} className="muted small">
          {t('workspace.builder.addLanguageHint')}
        </p>
        <FieldError id={`${addId}-error`} message={problem} />
      </div>
      <SelectField
        id={fieldId(prefix, 'defaultLanguage')}
        field="defaultLanguage"
        label={t('workspace.builder.defaultLanguage')}
        hint={t('workspace.builder.defaultLanguageHint')}
        value={defaultLanguage}
        onChange={onDefault}
        error={errorFor('defaultLanguage')}
      >
        {languages.map((language) => (
          <option key={language} value={language}>
            {languageName(language, uiLanguage)} ({language})
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
