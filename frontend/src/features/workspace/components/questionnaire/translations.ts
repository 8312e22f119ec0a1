import { RTL_LANGUAGES, type AnswerCode, type Question, type Translations } from '@repere/contract';

/** A string in the asked language, or the default language's when missing (as residents get it). */
export function pick(texts: Translations | undefined, language: string, fallback: string): string {
  if (!texts) return '';
  return texts[language] || texts[fallback] || Object.values(texts).find((value) => value.trim() !== '') || '';
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** « arabe », "Arabic": the language's name in the UI language, from the browser's own data. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** The language's name in itself: « العربية » for ar, so a reader of that language finds it. */
export function nativeLanguageName(code: string): string {
  return languageName(code, code);
}

export interface AnswerOption {
  value: AnswerCode;
  label: string;
}

/** The answers a question can receive that an indicator or a condition may wait for. */
export function answerOptions(question: Question, language: string, fallback: string, yesNo: { yes: string; no: string }): AnswerOption[] {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return (question.choices ?? []).map((choice) => ({
        value: choice.code,
        label: `${pick(choice.label, language, fallback) || choice.code} (${choice.code})`,
      }));
    case 'yes_no':
      return [
        { value: true, label: yesNo.yes },
        { value: false, label: yesNo.no },
      ];
    case 'scale': {
      const min = question.min ?? 1;
      const max = question.max ?? 5;
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || max - min > 100) return [];
      return Array.from({ length: max - min + 1 }, (_, n) => ({ value: min + n, label: String(min + n) }));
    }
    default:
      return [];
  }
}
