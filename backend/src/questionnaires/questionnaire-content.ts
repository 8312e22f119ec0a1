import type { Question, Translations } from './question.types';
import type { QuestionnaireContent } from './validate-questions';

/** What a version freezes: residents see exactly this. Status, dates and slug are not part of it. */
export const CONTENT_FIELDS = ['title', 'description', 'languages', 'defaultLanguage', 'questions'] as const;

// A questionnaire's slug, as the builder checks it too: declared once in @repere/contract.
export { SLUG } from '@repere/contract';

/** Every translatable string of a questionnaire, with its path: `title`, `questions.2.choices.1.label`… */
export function* texts(
  c: Pick<QuestionnaireContent, 'title' | 'description' | 'questions'>,
): Generator<[string, Translations | undefined]> {
  yield ['title', c.title];
  yield ['description', c.description];
  for (const [n, q] of c.questions.entries()) {
    yield [`questions.${n}.label`, q.label];
    yield [`questions.${n}.help`, q.help];
    for (const [m, choice] of (q.choices ?? []).entries()) yield [`questions.${n}.choices.${m}.label`, choice.label];
    yield [`questions.${n}.minLabel`, q.minLabel];
    yield [`questions.${n}.maxLabel`, q.maxLabel];
  }
}

const filled = (s: string | undefined): boolean => typeof s === 'string' && s.trim() !== '';

/**
 * For each language but the default, the paths of the strings the default language has and that language
 * lacks: what a resident would see in the default language instead.
 */
export function missingTranslations(c: QuestionnaireContent): Record<string, string[]> {
  const others = c.languages.filter((l) => l !== c.defaultLanguage);
  const missing: Record<string, string[]> = Object.fromEntries(others.map((l) => [l, [] as string[]]));
  for (const [path, text] of texts(c)) {
    if (!text || !filled(text[c.defaultLanguage])) continue;
    for (const language of others) if (!filled(text[language])) missing[language].push(path);
  }
  return missing;
}

/** JSON with object keys sorted: jsonb does not keep key order, so equal content must compare equal anyway. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether two contents would show residents the same questionnaire. */
export function sameContent(a: QuestionnaireContent, b: QuestionnaireContent): boolean {
  return CONTENT_FIELDS.every((f) => canonical(a[f]) === canonical(b[f]));
}

function keep(text: Translations | undefined, languages: string[]): Translations | undefined {
  return text && Object.fromEntries(Object.entries(text).filter(([l]) => languages.includes(l)));
}

/** Drops the strings of languages the questionnaire no longer has (when an evaluator removes a language). */
export function pruneLanguages<T extends Pick<QuestionnaireContent, 'title' | 'description' | 'questions'>>(c: T, languages: string[]): T {
  const question = (q: Question): Question => {
    const out: Question = { ...q, label: keep(q.label, languages) ?? {} };
    for (const key of ['help', 'minLabel', 'maxLabel'] as const) if (q[key]) out[key] = keep(q[key], languages);
    if (q.choices) out.choices = q.choices.map((ch) => ({ ...ch, label: keep(ch.label, languages) ?? {} }));
    return out;
  };
  return {
    ...c,
    title: keep(c.title, languages) ?? {},
    description: keep(c.description, languages) ?? {},
    questions: c.questions.map(question),
  };
}

/**
 * A slug from a title: accents stripped, lower-case, words joined by hyphens, at most 80 characters.
 * A title with too few Latin letters (Arabic, say) gives `questionnaire`.
 */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return base.length >= 3 ? base : 'questionnaire';
}

/** `base`, or `base-2`, `base-3`… whichever is not taken; kept within 80 characters. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
