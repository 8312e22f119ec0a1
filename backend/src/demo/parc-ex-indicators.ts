import type { Dimension, Grain } from '@repere/contract';
import type { CountSeries } from './parc-ex-counts';
import { ATTENDANCE_QUESTION_IDS, OFFICE_QUESTION_IDS } from './parc-ex-questionnaires';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';
import { WELCOME_QUESTION_IDS } from './welcome-day-questionnaire';

// What the demo makes of each success indicator of the Parc-Extension plan, read from its row's « Suivis »:
// a questionnaire or a count feeds it; minutes and letters give a yearly figure entered by hand where the wording is
// something one counts; where nothing the plan foresees can measure it, it stays without data and says why.
// Targets are the demo's own, set so that some are reached and some not.

/** Which questionnaire a share or a mean reads: the row's own, or the Welcome Day's. */
export type DemoQuestionnaireRef = 'attendance' | 'office' | 'welcome';

export interface ManualEntry {
  readonly date: string;
  readonly value: number;
  readonly evidence: string;
}

export type Feed =
  | {
      readonly kind: 'answer_share';
      readonly questionnaire: DemoQuestionnaireRef;
      readonly questionId: string;
      readonly anyOf: (string | boolean)[];
    }
  | { readonly kind: 'scale_mean'; readonly questionnaire: DemoQuestionnaireRef; readonly questionId: string }
  | { readonly kind: 'participation_sum'; readonly instrument: string; readonly activity: string; readonly series: CountSeries }
  | { readonly kind: 'manual'; readonly values: readonly ManualEntry[] };

export interface FedIndicator {
  /** The success indicator as the plan words it. */
  readonly name: string;
  readonly feed: Feed;
  readonly unit: string;
  readonly grain: Grain;
  readonly dimensions: readonly Dimension[];
  readonly baseline: number;
  readonly midtermTarget: number;
  readonly finalTarget: number;
  readonly note: string | null;
}

export interface UnmeasuredIndicator {
  readonly name: string;
  /** Why it has no data: shown where « Sans données » is. */
  readonly note: string;
}

const actions = PARC_EXTENSION_PLAN.orientations.flatMap((o) => o.objectives.flatMap((ob) => ob.actions));

/** The plan's success indicator `rank` of its action `n` (1-based, in reading order): named once, in the plan's words. */
const indicator = (n: number, rank = 0): string => actions[n - 1].indicators[rank];
/** The action's follow-up means `rank`, as the plan words it. */
const followUp = (n: number, rank: number): string => actions[n - 1].followUps[rank];

const FROM_MINUTES = 'Valeurs annuelles saisies d’après les comptes rendus et procès-verbaux (données générées pour la démonstration).';

export const PARC_EX_FED: readonly FedIndicator[] = [
  {
    name: indicator(1, 0),
    feed: {
      kind: 'manual',
      values: [
        { date: '2022-08-31', value: 3, evidence: 'Compte rendu des rencontres du 15 mars 2022 : trois organismes regroupés.' },
        { date: '2023-06-30', value: 2, evidence: 'Compte rendu des rencontres du 14 juin 2023 : deux organismes de plus.' },
      ],
    },
    unit: 'organismes',
    grain: 'year',
    dimensions: [],
    baseline: 0,
    midtermTarget: 3,
    finalTarget: 8,
    note: FROM_MINUTES,
  },
  {
    name: indicator(1, 1),
    feed: { kind: 'answer_share', questionnaire: 'attendance', questionId: ATTENDANCE_QUESTION_IDS.usesServices, anyOf: [true] },
    unit: '%',
    grain: 'year',
    dimensions: ['gender', 'age_group', 'immigration'],
    baseline: 40,
    midtermTarget: 50,
    finalTarget: 60,
    note: null,
  },
  {
    name: indicator(2),
    feed: {
      kind: 'manual',
      values: [
        { date: '2021-12-31', value: 1150, evidence: 'Comptes rendus des organismes de William-Hingston, bilan 2021.' },
        { date: '2022-12-31', value: 2300, evidence: 'Comptes rendus des organismes de William-Hingston, bilan 2022.' },
        { date: '2023-12-31', value: 2450, evidence: 'Comptes rendus des organismes de William-Hingston, bilan 2023.' },
      ],
    },
    unit: 'résidents servis',
    grain: 'year',
    dimensions: [],
    baseline: 0,
    midtermTarget: 2500,
    finalTarget: 5500,
    note: FROM_MINUTES,
  },
  {
    name: indicator(5),
    feed: {
      kind: 'manual',
      values: [
        { date: '2021-10-29', value: 6, evidence: "Lettres d'appui reçues (compte rendu de réunion du 29 octobre 2021)." },
        { date: '2022-02-28', value: 5, evidence: "Lettres d'appui reçues (compte rendu de réunion du 28 février 2022)." },
      ],
    },
    unit: "lettres d'appui",
    grain: 'year',
    dimensions: [],
    baseline: 0,
    midtermTarget: 8,
    finalTarget: 10,
    note: 'Les lettres d’appui reçues, comptées d’après les comptes rendus de réunion (données générées pour la démonstration).',
  },
  {
    name: indicator(6),
    feed: {
      kind: 'participation_sum',
      instrument: followUp(6, 1),
      activity: 'Contacts du BIPE avec les partenaires',
      series: { from: '2021-10', until: '2023-12', everyMonths: 1, min: 5, max: 11, people: false, seed: 6101 },
    },
    unit: 'contacts',
    grain: 'quarter',
    dimensions: [],
    baseline: 0,
    midtermTarget: 80,
    finalTarget: 200,
    note: null,
  },
  {
    name: indicator(7),
    feed: { kind: 'scale_mean', questionnaire: 'office', questionId: OFFICE_QUESTION_IDS.needsMet },
    unit: 'sur 5',
    grain: 'year',
    dimensions: ['gender', 'age_group'],
    baseline: 3.2,
    midtermTarget: 3.6,
    finalTarget: 4,
    note: null,
  },
  {
    name: indicator(8),
    feed: {
      kind: 'participation_sum',
      instrument: followUp(8, 0),
      activity: 'Accompagnements avec interprète',
      series: { from: '2022-01', until: '2023-12', everyMonths: 1, min: 10, max: 25, people: true, seed: 8101 },
    },
    unit: 'personnes accompagnées',
    grain: 'quarter',
    dimensions: ['gender', 'age_group'],
    baseline: 0,
    midtermTarget: 120,
    finalTarget: 500,
    note: null,
  },
  {
    name: indicator(9),
    feed: {
      kind: 'participation_sum',
      instrument: followUp(9, 1),
      activity: 'Suivis et partages des publications de la Table',
      series: { from: '2021-07', until: '2023-12', everyMonths: 1, min: 60, max: 140, people: false, seed: 9101 },
    },
    unit: 'suivis et partages',
    grain: 'quarter',
    dimensions: [],
    baseline: 0,
    midtermTarget: 1000,
    finalTarget: 2500,
    note: null,
  },
  {
    name: indicator(10),
    feed: {
      kind: 'answer_share',
      questionnaire: 'welcome',
      questionId: WELCOME_QUESTION_IDS.services,
      anyOf: ['food', 'housing', 'employment', 'french', 'health', 'children'],
    },
    unit: '%',
    grain: 'year',
    dimensions: ['immigration'],
    baseline: 70,
    midtermTarget: 80,
    finalTarget: 90,
    note: 'Part des nouveaux venus à la Journée de Bienvenue qui y ont découvert au moins un service (questionnaire de la journée).',
  },
  {
    name: indicator(11),
    feed: {
      kind: 'manual',
      values: [
        { date: '2021-11-17', value: 6, evidence: "Procès-verbal de l'assemblée citoyenne du 17 novembre 2021." },
        { date: '2022-05-18', value: 5, evidence: "Procès-verbal de l'assemblée citoyenne du 18 mai 2022." },
        { date: '2022-11-16', value: 4, evidence: "Procès-verbal de l'assemblée citoyenne du 16 novembre 2022." },
        { date: '2023-05-17', value: 3, evidence: "Procès-verbal de l'assemblée citoyenne du 17 mai 2023." },
        { date: '2023-11-15', value: 3, evidence: "Procès-verbal de l'assemblée citoyenne du 15 novembre 2023." },
      ],
    },
    unit: 'résidents impliqués',
    grain: 'year',
    dimensions: [],
    baseline: 0,
    midtermTarget: 10,
    finalTarget: 25,
    note: 'Les résidents qui rejoignent un comité de travail, comptés d’après les procès-verbaux des assemblées (données générées pour la démonstration).',
  },
  {
    name: indicator(12),
    feed: {
      kind: 'participation_sum',
      instrument: followUp(12, 1),
      activity: 'Nouveaux abonnés de la page « Ici Parc-Ex »',
      series: { from: '2021-09', until: '2023-12', everyMonths: 1, min: 20, max: 60, people: false, seed: 12101 },
    },
    unit: 'abonnés',
    grain: 'quarter',
    dimensions: [],
    baseline: 0,
    midtermTarget: 500,
    finalTarget: 1500,
    note: null,
  },
  {
    name: indicator(13),
    feed: {
      kind: 'participation_sum',
      instrument: followUp(13, 1),
      activity: 'Collaborations avec les organismes et associations',
      series: { from: '2021-07', until: '2023-10', everyMonths: 3, min: 5, max: 12, people: false, seed: 13101 },
    },
    unit: 'collaborations',
    grain: 'quarter',
    dimensions: [],
    baseline: 0,
    midtermTarget: 35,
    finalTarget: 80,
    note: null,
  },
];

export const PARC_EX_UNMEASURED: readonly UnmeasuredIndicator[] = [
  {
    name: indicator(3),
    note:
      'Le centre communautaire n’est pas encore ouvert : le plan prévoit d’acquérir un terrain ou une bâtisse, et ses suivis ' +
      '(levées de fonds, focus groups, forum citoyen, comptes rendus du comité de travail) ne mesurent pas l’usage d’un lieu qui n’existe pas encore.',
  },
  {
    name: indicator(4),
    note:
      'Un sentiment ne se compte pas dans un procès-verbal : seul un questionnaire aux acteurs du milieu le mesurerait, et le plan ' +
      'n’en prévoit pas (ses suivis sont l’assemblée générale, le forum citoyen et la communication sur les réseaux sociaux).',
  },
  {
    name: indicator(14),
    note:
      'Le seul suivi prévu, un outil de recensement des besoins des partenaires, est encore à créer ; sans lui, rien ne mesure ' +
      'une vision « globale et inclusive » du quartier.',
  },
];
