import { randomInt } from 'node:crypto';
import { adsBlock } from '../../backend/src/questionnaires/ads-block';
import type { AnswerValue, Question, Translations } from '../../backend/src/questionnaires/question.types';

// The questionnaire both servers are loaded with: eleven questions of the usual kinds, a show-if, and the
// ADS+ block, like the attendance questionnaires residents answer at an event.

export const BENCH_SLUG = 'bench-journee-de-bienvenue';
export const LANGUAGES = ['fr', 'en', 'ar'];

const t = (fr: string, en: string, ar: string): Translations => ({ fr, en, ar });
/** Fixed ids: the load generator builds bodies without asking the server. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const Q = {
  attended: id(1),
  heardFrom: id(2),
  satisfaction: id(3),
  why: id(4),
  people: id(5),
  gender: id(11),
  genderSelf: id(12),
  age: id(13),
  immigration: id(14),
  language: id(15),
  disability: id(16),
};

const ADS_KEYS: Record<string, string> = {
  gender: Q.gender,
  gender_self: Q.genderSelf,
  age_group: Q.age,
  immigration: Q.immigration,
  language: Q.language,
  disability: Q.disability,
};

export const BENCH_QUESTIONS: Question[] = [
  {
    id: Q.attended,
    type: 'yes_no',
    required: true,
    label: t('Est-ce votre première visite ?', 'Is this your first visit?', 'هل هذه زيارتك الأولى؟'),
  },
  {
    id: Q.heardFrom,
    type: 'single_choice',
    required: true,
    label: t('Comment avez-vous entendu parler de la journée ?', 'How did you hear about the day?', 'كيف سمعت عن هذا اليوم؟'),
    choices: ['friends', 'organization', 'social_media', 'poster', 'other'].map((code) => ({ code, label: t(code, code, code) })),
  },
  {
    id: Q.satisfaction,
    type: 'scale',
    required: true,
    min: 1,
    max: 5,
    label: t('Votre satisfaction', 'Your satisfaction', 'مدى رضاك'),
    minLabel: t('Pas du tout', 'Not at all', 'إطلاقاً'),
    maxLabel: t('Très', 'Very', 'جداً'),
  },
  {
    id: Q.why,
    type: 'long_text',
    required: true,
    label: t('Que pourrions-nous améliorer ?', 'What could we improve?', 'ما الذي يمكننا تحسينه؟'),
    showIf: { questionId: Q.satisfaction, anyOf: [1, 2] },
  },
  {
    id: Q.people,
    type: 'number',
    required: false,
    min: 0,
    max: 20,
    label: t('Combien étiez-vous ?', 'How many were you?', 'كم كان عددكم؟'),
  },
  ...adsBlock((key) => ADS_KEYS[key]),
];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)];

/** A valid response, different each time: the language, the branches of the show-if, « prefer not » now and then. */
export function randomResponse(): { language: string; version: number; answers: { questionId: string; value: AnswerValue }[] } {
  const satisfaction = 1 + randomInt(5);
  const answers: { questionId: string; value: AnswerValue }[] = [
    { questionId: Q.attended, value: randomInt(2) === 0 },
    { questionId: Q.heardFrom, value: pick(['friends', 'organization', 'social_media', 'poster', 'other']) },
    { questionId: Q.satisfaction, value: satisfaction },
  ];
  if (satisfaction <= 2)
    answers.push({ questionId: Q.why, value: pick(['Plus d’interprètes.', 'More activities for children.', 'وقت أطول للأسئلة.']) });
  if (randomInt(2) === 0) answers.push({ questionId: Q.people, value: 1 + randomInt(6) });
  const gender = pick(['woman', 'man', 'non_binary', 'self_described', null]);
  answers.push({ questionId: Q.gender, value: gender });
  if (gender === 'self_described') answers.push({ questionId: Q.genderSelf, value: 'Bispirituel·le' });
  answers.push(
    { questionId: Q.age, value: pick(['18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', null]) },
    { questionId: Q.immigration, value: pick(['born_canada', 'arrived_lt5', 'arrived_5plus', null]) },
    { questionId: Q.language, value: randomInt(10) === 0 ? null : [pick(['fr', 'en', 'ar', 'pa', 'bn', 'ur', 'el', 'ta'])] },
    { questionId: Q.disability, value: pick([true, false, false, false, null]) },
  );
  return { language: pick(LANGUAGES), version: 1, answers };
}
