import type { AnswerValue } from '@backend/questionnaires/question.types';
import type { BreakdownCell } from '@backend/participation/participation-count.entity';
import type { DemoResponse } from './demo-questionnaire';
import { pickWeighted, seededRandom } from './demo-rng';
import { WELCOME_QUESTION_IDS as Q } from './welcome-day-questionnaire';

export type GeneratedResponse = DemoResponse;

/** The Welcome Day of each year of the plan (« Annuel – août ») and how many answered there. */
const EDITIONS = [
  { day: '2021-08-21', responses: 80, knowsTable: 0.35, satisfaction: 3.8, attendance: 140 },
  { day: '2022-08-20', responses: 100, knowsTable: 0.5, satisfaction: 4.0, attendance: 185 },
  { day: '2023-08-19', responses: 120, knowsTable: 0.62, satisfaction: 4.2, attendance: 230 },
];

const DAY = 86_400_000;

/**
 * A few hundred plausible responses spread over the plan's years so the charts have something to show:
 * most on the day itself, some in the following weeks (the kiosk stays at the community centre).
 */
export function generateWelcomeResponses(): GeneratedResponse[] {
  const random = seededRandom(20210821);
  const out: GeneratedResponse[] = [];
  for (const edition of EDITIONS) {
    for (let i = 0; i < edition.responses; i += 1) {
      const offsetDays = random() < 0.7 ? 0 : Math.floor(random() * 45);
      const answeredAt = new Date(Date.parse(`${edition.day}T14:00:00Z`) + offsetDays * DAY + Math.floor(random() * 6 * 3600_000));
      const firstTime = random() < 0.7;
      const satisfaction = Math.max(1, Math.min(5, Math.round(edition.satisfaction + (random() - 0.5) * 2.4)));
      const gender = pickWeighted<string | null>(random, [
        ['woman', 52],
        ['man', 40],
        ['non_binary', 3],
        ['self_described', 1],
        [null, 4],
      ]);
      const answers: Record<string, AnswerValue> = {
        [Q.heardFrom]: pickWeighted(random, [
          ['friends', 35],
          ['organization', 30],
          ['social_media', 20],
          ['poster', 10],
          ['other', 5],
        ]),
        [Q.firstTime]: firstTime,
        [Q.knowsTable]: random() < edition.knowsTable,
        [Q.satisfaction]: satisfaction,
        [Q.gender]: gender,
        [Q.age_group]: pickWeighted<string | null>(random, [
          ['18_24', 12],
          ['25_34', 28],
          ['35_44', 25],
          ['45_54', 15],
          ['55_64', 10],
          ['65_plus', 6],
          [null, 4],
        ]),
        [Q.immigration]: pickWeighted<string | null>(random, [
          ['born_canada', 20],
          ['arrived_lt5', 50],
          ['arrived_5plus', 27],
          [null, 3],
        ]),
        [Q.language]:
          random() < 0.05
            ? null
            : [
                pickWeighted(random, [
                  ['fr', 20],
                  ['en', 15],
                  ['ar', 25],
                  ['pa', 12],
                  ['bn', 10],
                  ['ur', 8],
                  ['el', 5],
                  ['ta', 5],
                ]),
              ],
        [Q.disability]: pickWeighted<boolean | null>(random, [
          [false, 85],
          [true, 10],
          [null, 5],
        ]),
      };
      if (firstTime) {
        answers[Q.services] = ['food', 'housing', 'employment', 'french', 'health', 'children'].filter(() => random() < 0.35);
      }
      if (gender === 'self_described') answers[Q.gender_self] = 'Bispirituel·le';
      if (random() < 0.1)
        answers[Q.improve] = pickWeighted(random, [
          ['Plus d’interprètes.', 1],
          ['More activities for children.', 1],
          ['وقت أطول للأسئلة.', 1],
        ]);
      const language = pickWeighted(random, [
        ['fr', 50],
        ['en', 20],
        ['ar', 30],
      ]);
      out.push({ language, answeredAt, answers });
    }
  }
  return out;
}

/** Attendance counted at the door each year (« Nombre de participants »), with the gender breakdown. */
export function generateWelcomeCounts(): { date: string; total: number; breakdown: BreakdownCell[] }[] {
  return EDITIONS.map(({ day, attendance }) => {
    const women = Math.round(attendance * 0.54);
    const men = Math.round(attendance * 0.41);
    const nonBinary = Math.round(attendance * 0.02);
    return {
      date: day,
      total: attendance,
      breakdown: [
        { dimension: 'gender', category: 'woman', count: women },
        { dimension: 'gender', category: 'man', count: men },
        { dimension: 'gender', category: 'non_binary', count: nonBinary },
      ],
    };
  });
}
