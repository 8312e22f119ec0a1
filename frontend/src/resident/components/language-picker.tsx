import { nativeName } from '@/resident/lib/languages';

interface LanguagePickerProps {
  label: string;
  /** Set when the label is in another language than the page (a language the page's words lack). */
  labelLanguage?: string;
  languages: string[];
  value: string;
  busy: boolean;
  onChange: (language: string) => void;
}

/** Drawn rather than an emoji: phones without an emoji font would show a blank box. */
function GlobeIcon() {
  return (
    <svg className="r-language__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z" />
      </g>
    </svg>
  );
}

/** The questionnaire's languages, each in its own name and script. */
export function LanguagePicker({ label, labelLanguage, languages, value, busy, onChange }: LanguagePickerProps) {
  return (
    <div className="r-language">
      <label htmlFor="r-language" lang={labelLanguage}>
        <GlobeIcon /> {label}
      </label>
      <select id="r-language" value={value} aria-busy={busy || undefined} onChange={(event) => onChange(event.target.value)}>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {nativeName(language)}
          </option>
        ))}
      </select>
    </div>
  );
}
