import type { EvaluationSnapshot, IndicatorSnapshot } from '@backend/evaluations/evaluation-snapshot';
import type { ActivityReportInput, EvaluationReportInput } from './report-input';

// Factories with overrides for the renderers' specs: a small plan with a count, a share with ADS+ breakdowns (some of
// their cells suppressed) and an indicator without data.

export const PLAN_TITLE = "Plan d'action 2021/2023 — Table de quartier de Parc-Extension";

export function indicatorSnapshot(overrides: Partial<IndicatorSnapshot> = {}): IndicatorSnapshot {
  return {
    id: '00000000-0000-4000-8000-000000000101',
    name: 'Nombre de participants à la Journée de Bienvenue',
    kind: 'participation_sum',
    unit: 'participants',
    grain: 'year',
    direction: 'up',
    dimensions: ['gender'],
    definitionStatus: 'active',
    source: { instrumentIds: ['00000000-0000-4000-8000-000000000901'] },
    baseline: { value: 0, date: '2021-06-28' },
    midtermTarget: 250,
    finalTarget: 550,
    value: 325,
    n: 325,
    suppressed: false,
    period: '2022-01-01',
    periodEnd: '2022-09-30',
    partial: true,
    status: 'on_track',
    series: [
      { period: '2021-01-01', value: 140, n: 140, suppressed: false, cumulativeValue: 140, cumulativeN: 140, cumulativeSuppressed: false },
      { period: '2022-01-01', value: 185, n: 185, suppressed: false, cumulativeValue: 325, cumulativeN: 325, cumulativeSuppressed: false },
    ],
    breakdowns: [
      {
        dimension: 'gender',
        cells: [
          { category: 'woman', value: 180, n: 180, suppressed: false },
          { category: 'man', value: 141, n: 141, suppressed: false },
          { category: 'non_binary', value: null, n: null, suppressed: true },
          { category: 'not_recorded', value: null, n: null, suppressed: true },
        ],
      },
    ],
    ...overrides,
  };
}

export function evaluationSnapshot(overrides: Partial<EvaluationSnapshot> = {}): EvaluationSnapshot {
  return {
    plan: {
      id: '00000000-0000-4000-8000-000000000001',
      title: PLAN_TITLE,
      startDate: '2021-06-28',
      midtermDate: '2022-09-29',
      endDate: '2023-12-31',
      timeZone: 'America/Toronto',
    },
    dataPeriod: { from: '2021-06-28', until: '2023-12-31' },
    cutoff: '2022-09-30',
    frozenAt: '2022-10-01T12:00:00.000Z',
    suppressionK: 5,
    maxDeviation: 2,
    orientations: [
      {
        id: '00000000-0000-4000-8000-000000000011',
        number: 3,
        title: 'Accueil et intégration des nouveaux arrivants',
        objectives: [
          {
            id: '00000000-0000-4000-8000-000000000021',
            code: '3.1',
            title: 'Accueillir les nouveaux résidents du quartier',
            indicators: [
              indicatorSnapshot(),
              indicatorSnapshot({
                id: '00000000-0000-4000-8000-000000000102',
                name: 'Part des nouveaux résidents qui connaissent la Table de quartier',
                kind: 'answer_share',
                unit: '%',
                baseline: { value: 30, date: '2021-06-28' },
                midtermTarget: 45,
                finalTarget: 60,
                value: 50,
                n: 100,
                status: 'at_risk',
                dimensions: ['gender', 'age_group'],
                series: [
                  {
                    period: '2021-01-01',
                    value: 35,
                    n: 80,
                    suppressed: false,
                    cumulativeValue: 35,
                    cumulativeN: 80,
                    cumulativeSuppressed: false,
                  },
                  {
                    period: '2022-01-01',
                    value: 50,
                    n: 100,
                    suppressed: false,
                    cumulativeValue: 43.333333333,
                    cumulativeN: 180,
                    cumulativeSuppressed: false,
                  },
                ],
                breakdowns: [
                  {
                    dimension: 'gender',
                    cells: [
                      { category: 'woman', value: 52.5, n: 96, suppressed: false },
                      { category: 'man', value: 41, n: 78, suppressed: false },
                      { category: 'non_binary', value: null, n: null, suppressed: true },
                      { category: 'prefer_not', value: null, n: null, suppressed: true },
                    ],
                  },
                  {
                    dimension: 'age_group',
                    cells: [
                      { category: '25_34', value: 48, n: 90, suppressed: false },
                      { category: '35_44', value: 45, n: 86, suppressed: false },
                      { category: '65_plus', value: null, n: null, suppressed: true },
                      { category: 'under_18', value: null, n: null, suppressed: true },
                    ],
                  },
                ],
              }),
            ],
          },
        ],
      },
      {
        id: '00000000-0000-4000-8000-000000000012',
        number: 4,
        title: 'Obtenir plus de visibilité dans le quartier',
        objectives: [
          {
            id: '00000000-0000-4000-8000-000000000022',
            code: '4.1',
            title: 'Faire connaître la Table de quartier',
            indicators: [
              indicatorSnapshot({
                id: '00000000-0000-4000-8000-000000000103',
                name: 'Nombre de publications',
                kind: 'manual',
                unit: null,
                dimensions: [],
                baseline: { value: null, date: null },
                midtermTarget: null,
                finalTarget: 12,
                value: null,
                n: null,
                period: null,
                status: 'no_data',
                series: [],
                breakdowns: [],
              }),
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

export function evaluationInput(overrides: Partial<EvaluationReportInput> = {}): EvaluationReportInput {
  return {
    kind: 'midterm',
    language: 'fr',
    snapshot: evaluationSnapshot(),
    assessments: [
      {
        objectiveId: '00000000-0000-4000-8000-000000000021',
        rating: 'on_track',
        comment: 'La Journée de Bienvenue rejoint de plus en plus de familles.',
        recommendations: 'Traduire le questionnaire en ourdou.',
      },
    ],
    midterm: null,
    generatedAt: new Date('2022-10-15T14:00:00.000Z'),
    ...overrides,
  };
}

export function activityInput(overrides: Partial<ActivityReportInput> = {}): ActivityReportInput {
  return {
    language: 'fr',
    year: 2022,
    plan: { title: PLAN_TITLE, startDate: '2021-06-28', endDate: '2023-12-31' },
    orientations: [
      {
        number: 1,
        title: 'Relocalisation des organismes de William-Hingston',
        objectives: [
          {
            code: '1.1',
            title: 'Aider à relocaliser les services communautaires',
            actions: [
              {
                description: 'Assurer le leadership du processus de relocalisation',
                scheduleKind: 'date',
                scheduleDate: '2022-12-31',
                scheduleText: '31 décembre 2022',
                resources: 'Table de quartier et partenaires',
              },
              {
                description: 'Rencontrer les partenaires principaux',
                scheduleKind: 'ongoing',
                scheduleDate: null,
                scheduleText: 'En continu',
                resources: null,
              },
            ],
          },
        ],
      },
    ],
    workSteps: [{ workCell: 'Cellule 4.2', objectiveCode: '4.2', text: 'Portrait des besoins', phase: 'PHASE 1', date: '2022-03-01' }],
    participation: [{ instrument: 'Nombre de participants', activity: 'Journée de Bienvenue à Parc-Ex', counts: 1, total: 185 }],
    participationTotal: { counts: 1, total: 185 },
    indicators: [
      {
        objectiveCode: '3.1',
        name: 'Nombre de participants à la Journée de Bienvenue',
        unit: 'participants',
        finalTarget: 550,
        value: 185,
        n: 185,
        suppressed: false,
        cumulativeValue: 325,
        cumulativeN: 325,
        cumulativeSuppressed: false,
      },
      {
        objectiveCode: '3.1',
        name: 'Participants non binaires',
        unit: null,
        finalTarget: null,
        value: null,
        n: null,
        suppressed: true,
        cumulativeValue: null,
        cumulativeN: null,
        cumulativeSuppressed: true,
      },
    ],
    generatedAt: new Date('2023-01-15T14:00:00.000Z'),
    ...overrides,
  };
}
