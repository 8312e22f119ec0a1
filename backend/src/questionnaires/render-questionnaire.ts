import type { Question, Translations } from './question.types';
import { RTL_LANGUAGES } from './question.types';
import type { QuestionnaireVersion } from './questionnaire-version.entity';

/** A string in the asked language, or the default language's when that translation is missing. */
export function pick(text: Translations | undefined, language: string, fallback: string): string {
  if (!text) return '';
  return text[language] || text[fallback] || '';
}

/** The language to serve: the asked one when the questionnaire has it, else the default. */
export function chooseLanguage(version: Pick<QuestionnaireVersion, 'languages' | 'defaultLanguage'>, asked?: string): string {
  const primary = asked?.toLowerCase().split(/[-_]/)[0];
  return primary && version.languages.includes(primary) ? primary : version.defaultLanguage;
}

/** What a resident's page needs (API.md), in one language with fallbacks filled in. */
export function renderQuestionnaire(
  q: { id: string; slug: string; kiosk?: boolean },
  version: Pick<QuestionnaireVersion, 'version' | 'title' | 'description' | 'languages' | 'defaultLanguage' | 'questions'>,
  asked?: string,
) {
  const language = chooseLanguage(version, asked);
  const d = version.defaultLanguage;
  return {
    id: q.id,
    slug: q.slug,
    title: pick(version.title, language, d),
    description: pick(version.description, language, d) || null,
    language,
    languages: version.languages,
    direction: RTL_LANGUAGES.includes(language) ? ('rtl' as const) : ('ltr' as const),
    version: version.version,
    kiosk: q.kiosk ?? false,
    questions: version.questions.map((question: Question) => ({
      id: question.id,
      type: question.type,
      required: question.required,
      label: pick(question.label, language, d),
      help: pick(question.help, language, d) || null,
      choices: (question.choices ?? []).map((c) => ({ code: c.code, label: pick(c.label, language, d) })),
      min: question.min ?? null,
      max: question.max ?? null,
      minLabel: pick(question.minLabel, language, d) || null,
      maxLabel: pick(question.maxLabel, language, d) || null,
      allowPreferNot: question.allowPreferNot ?? false,
      showIf: question.showIf ?? null,
    })),
  };
}
export type RenderedQuestionnaire = ReturnType<typeof renderQuestionnaire>;
