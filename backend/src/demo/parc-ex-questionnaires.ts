import { adsBlock } from '@backend/questionnaires/ads-block';
import type { AnswerValue, Question, Translations } from '@backend/questionnaires/question.types';
import type { DemoQuestionnaire, DemoResponse } from './demo-questionnaire';
import { pickWeighted, seededRandom } from './demo-rng';

// The two questionnaires the Parc-Extension plan names in its « Suivis » (« Questionnaire sur la fréquentation »,
// action 1.1; « Questionnaires », the information office's), written small for the demo: a question or two that
// the row's success indicator reads, and the ADS+ block. Question ids are fixed so that indicators and tests name them.

const t = (fr: string, en: string): Translations => ({ fr, en });

export const ATTENDANCE_QUESTION_IDS = {
  usesServices: '7c2e0b1a-0001-4c00-8000-000000000001',
  knowsWhere: '7c2e0b1a-0001-4c00-8000-000000000002',
  gender: '7c2e0b1a-0001-4c00-8000-000000000011',
  gender_self: '7c2e0b1a-0001-4c00-8000-000000000012',
  age_group: '7c2e0b1a-0001-4c00-8000-000000000013',
  immigration: '7c2e0b1a-0001-4c00-8000-000000000014',
  language: '7c2e0b1a-0001-4c00-8000-000000000015',
  disability: '7c2e0b1a-0001-4c00-8000-000000000016',
} as const;

export const OFFICE_QUESTION_IDS = {
  needsMet: '7c2e0b1a-0002-4c00-8000-000000000001',
  foundInformation: '7c2e0b1a-0002-4c00-8000-000000000002',
  gender: '7c2e0b1a-0002-4c00-8000-000000000011',
  gender_self: '7c2e0b1a-0002-4c00-8000-000000000012',
  age_group: '7c2e0b1a-0002-4c00-8000-000000000013',
  immigration: '7c2e0b1a-0002-4c00-8000-000000000014',
  language: '7c2e0b1a-0002-4c00-8000-000000000015',
  disability: '7c2e0b1a-0002-4c00-8000-000000000016',
} as const;

const A = ATTENDANCE_QUESTION_IDS;
const O = OFFICE_QUESTION_IDS;

const ads = (ids: Record<string, string>): Question[] => adsBlock((key) => ids[key]);

export const ATTENDANCE_QUESTIONNAIRE: DemoQuestionnaire = {
  slug: 'frequentation-parc-ex',
  title: t('Questionnaire sur la fréquentation des services communautaires', 'Community services attendance survey'),
  description: t(
    'Trois minutes sur les services communautaires du quartier. Vos réponses sont anonymes.',
    "Three minutes about the neighbourhood's community services. Your answers are anonymous.",
  ),
  languages: ['fr', 'en'],
  opensAt: new Date('2021-09-01T04:00:00Z'),
  questions: [
    {
      id: A.usesServices,
      type: 'yes_no',
      required: true,
      label: t(
        'Au cours des 12 derniers mois, avez-vous utilisé un service d’un organisme communautaire du quartier ?',
        'In the past 12 months, have you used a service of a neighbourhood community organization?',
      ),
    },
    {
      id: A.knowsWhere,
      type: 'yes_no',
      required: true,
      label: t(
        'Savez-vous où se trouvent aujourd’hui les organismes de William-Hingston ?',
        'Do you know where the William-Hingston organizations are today?',
      ),
    },
    ...ads(A),
  ],
};

export const OFFICE_QUESTIONNAIRE: DemoQuestionnaire = {
  slug: 'bipe-parc-ex',
  title: t("Questionnaire du Bureau d'informations Parc-Ex (BIPE)", 'Parc-Ex information office (BIPE) survey'),
  description: t(
    'Deux questions sur votre visite au Bureau. Vos réponses sont anonymes.',
    'Two questions about your visit. Your answers are anonymous.',
  ),
  languages: ['fr', 'en'],
  opensAt: new Date('2021-10-01T04:00:00Z'),
  questions: [
    {
      id: O.needsMet,
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      label: t('Les services du Bureau répondent-ils à vos besoins ?', "Do the office's services meet your needs?"),
      minLabel: t('Pas du tout', 'Not at all'),
      maxLabel: t('Tout à fait', 'Completely'),
    },
    {
      id: O.foundInformation,
      type: 'yes_no',
      required: true,
      label: t('Avez-vous trouvé l’information que vous cherchiez ?', 'Did you find the information you were looking for?'),
    },
    ...ads(O),
  ],
};

/** Each year of the plan: how many answered, and what the figures drift towards (some reach their targets, some not). */
const ATTENDANCE_YEARS = [
  { from: '2021-09-01', days: 120, responses: 60, usesServices: 0.45, knowsWhere: 0.3 },
  { from: '2022-01-10', days: 330, responses: 90, usesServices: 0.53, knowsWhere: 0.5 },
  { from: '2023-01-10', days: 330, responses: 110, usesServices: 0.64, knowsWhere: 0.66 },
];

const OFFICE_YEARS = [
  { from: '2021-10-01', days: 85, responses: 45, needsMet: 3.4 },
  { from: '2022-01-10', days: 330, responses: 80, needsMet: 3.7 },
  { from: '2023-01-10', days: 330, responses: 95, needsMet: 3.8 },
];

const DAY = 86_400_000;

/** The ADS+ answers, drawn as the Welcome Day's are. */
function adsAnswers(random: () => number, ids: typeof A | typeof O): Record<string, AnswerValue> {
  return {
    [ids.gender]: pickWeighted<string | null>(random, [
      ['woman', 55],
      ['man', 40],
      ['non_binary', 2],
      [null, 3],
    ]),
    [ids.age_group]: pickWeighted<string | null>(random, [
      ['18_24', 10],
      ['25_34', 24],
      ['35_44', 26],
      ['45_54', 18],
      ['55_64', 12],
      ['65_plus', 8],
      [null, 2],
    ]),
    [ids.immigration]: pickWeighted<string | null>(random, [
      ['born_canada', 25],
      ['arrived_lt5', 40],
      ['arrived_5plus', 32],
      [null, 3],
    ]),
  };
}

function spread<Y extends { from: string; days: number; responses: number }>(
  seed: number,
  years: readonly Y[],
  answer: (random: () => number, year: Y) => Record<string, AnswerValue>,
): DemoResponse[] {
  const random = seededRandom(seed);
  return years.flatMap((year) =>
    Array.from({ length: year.responses }, () => {
      const answeredAt = new Date(Date.parse(`${year.from}T14:00:00Z`) + Math.floor(random() * year.days) * DAY);
      const answers = answer(random, year);
      return { language: random() < 0.7 ? 'fr' : 'en', answeredAt, answers };
    }),
  );
}

export function generateAttendanceResponses(): DemoResponse[] {
  return spread(20210901, ATTENDANCE_YEARS, (random, year) => ({
    [A.usesServices]: random() < year.usesServices,
    [A.knowsWhere]: random() < year.knowsWhere,
    ...adsAnswers(random, A),
  }));
}

export function generateOfficeResponses(): DemoResponse[] {
  return spread(20211001, OFFICE_YEARS, (random, year) => ({
    [O.needsMet]: Math.max(1, Math.min(5, Math.round(year.needsMet + (random() - 0.5) * 2.6))),
    [O.foundInformation]: random() < 0.8,
    ...adsAnswers(random, O),
  }));
}
