import type { ProgressStatus } from '@backend/aggregation/progress';
import type { AssessmentRating, EvaluationKind } from '@backend/evaluations/evaluation-kind';
import type { Dimension, IndicatorKind } from '@backend/indicators/indicator-kind';
import type { ScheduleKind } from '@backend/plans/schedule-kind';
import type { ReportLanguage } from './report-input';

/** Every word a report prints, in the two languages reports are made in. */
export interface ReportStrings {
  evaluationTitle: Record<EvaluationKind, string>;
  activityTitle: string;
  cutoff: string;
  planPeriod: string;
  frozenAt: string;
  generatedAt: string;
  page: (n: number, of: number) => string;
  summary: string;
  summaryIntro: (count: number) => string;
  status: Record<ProgressStatus, string>;
  /** A period cut by the as-of date: « 2022, jusqu'au 29 sept. ». */
  through: (period: string, day: string) => string;
  /** How close an indicator got to its final target once the plan has ended. */
  gap: (value: string, target: string, gap: string) => string;
  statusHeader: string;
  countHeader: string;
  orientation: (n: number) => string;
  objective: string;
  indicator: string;
  unit: string;
  computation: string;
  kind: Record<IndicatorKind, string>;
  baseline: string;
  baselineDate: string;
  midtermTarget: string;
  finalTarget: string;
  midtermValue: string;
  valueAtCutoff: string;
  finalValue: string;
  progression: string;
  period: string;
  value: string;
  n: string;
  cumulativeValue: string;
  /** Said on a chart whose value axis does not start at zero. */
  axisStartsAt: (start: string) => string;
  cumulativeN: string;
  series: string;
  breakdowns: string;
  breakdownBy: (dimension: string) => string;
  dimension: Record<Dimension, string>;
  category: string;
  suppressed: string;
  /** Under every indicator computed from counts of people: how its figures are protected (README « Privacy »). */
  disclosureNote: (k: number, d: number) => string;
  noValue: string;
  noSeries: string;
  noIndicators: string;
  midtermMark: string;
  endMark: string;
  cutoffMark: string;
  assessment: string;
  rating: Record<AssessmentRating, string>;
  ratingHeader: string;
  comment: string;
  recommendations: string;
  notAssessed: string;
  direction: string;
  directions: Record<'up' | 'down', string>;
  // Spreadsheets
  sheets: { indicators: string; series: string; breakdowns: string; assessments: string };
  section: string;
  sections: { indicator: string; series: string; breakdown: string; assessment: string };
  objectiveCode: string;
  orientationHeader: string;
  periodStart: string;
  dimensionHeader: string;
  midtermN: string;
  // Activity report
  year: (year: number) => string;
  actionsAndSchedule: string;
  action: string;
  schedule: string;
  scheduleKind: Record<ScheduleKind, string>;
  resources: string;
  dueInYear: string;
  workStepsDone: string;
  workCell: string;
  step: string;
  phase: string;
  date: string;
  noWorkSteps: string;
  participationTotals: string;
  activity: string;
  instrument: string;
  counts: string;
  participants: string;
  total: string;
  noParticipation: string;
  indicatorValues: string;
  valueOfYear: string;
  cumulativeToYearEnd: string;
  noActions: string;
  noIndicatorValues: string;
  // Evaluation report's annex: the files behind each figure, as the snapshot listed them at its cut-off
  evidenceAnnex: string;
  evidenceIntro: string;
  evidenceTitle: string;
  evidenceType: string;
  noEvidence: string;
}

const fr: ReportStrings = {
  evaluationTitle: { midterm: 'Évaluation à mi-parcours', final: 'Évaluation finale' },
  activityTitle: "Rapport d'activité annuel",
  cutoff: 'Date de coupure',
  planPeriod: 'Durée du plan',
  frozenAt: 'Données figées le',
  generatedAt: 'Rapport produit le',
  page: (n, of) => `Page ${n} de ${of}`,
  summary: 'Sommaire des statuts',
  summaryIntro: (count) => `${count} indicateur${count > 1 ? 's' : ''} à la date de coupure, selon leur statut par rapport aux cibles.`,
  status: {
    achieved: 'Atteint',
    on_track: 'En bonne voie',
    at_risk: 'À risque',
    off_track: 'En retard',
    not_achieved: 'Non atteint',
    no_data: 'Sans donnée',
  },
  through: (period, day) => `${period}, jusqu'au ${day}`,
  gap: (value, target, gap) => `${value} pour une cible de ${target} : écart de ${gap}`,
  statusHeader: 'Statut',
  countHeader: 'Indicateurs',
  orientation: (n) => `Orientation ${n}`,
  objective: 'Objectif',
  indicator: 'Indicateur',
  unit: 'Unité',
  computation: 'Calcul',
  kind: {
    response_count: 'Nombre de réponses',
    participation_sum: 'Somme des participants',
    answer_share: 'Part des répondants',
    scale_mean: "Moyenne d'une échelle",
    ratio: 'Ratio',
    manual: 'Valeur saisie',
    work_steps_done: "Part des étapes d'une cellule de travail réalisées",
  },
  baseline: 'Valeur de référence',
  baselineDate: 'Date de référence',
  midtermTarget: 'Cible à mi-parcours',
  finalTarget: 'Cible finale',
  midtermValue: 'Valeur à mi-parcours',
  valueAtCutoff: 'Valeur à la date de coupure',
  finalValue: 'Valeur finale',
  progression: 'Référence › mi-parcours › finale',
  period: 'Période',
  value: 'Valeur',
  n: 'n',
  cumulativeValue: 'Valeur cumulée',
  axisStartsAt: (start) => `Axe tronqué\u00a0: commence à ${start}`,
  cumulativeN: 'n cumulé',
  series: 'Série',
  breakdowns: 'Ventilations ADS+',
  breakdownBy: (d) => `Selon : ${d}`,
  dimension: {
    gender: 'Genre',
    age_group: "Groupe d'âge",
    immigration: 'Parcours migratoire',
    language: 'Langue parlée à la maison',
    disability: 'Handicap',
  },
  category: 'Catégorie',
  suppressed: 'supprimé',
  disclosureNote: (k, d) =>
    `${d > 0 ? `Pour protéger les personnes, chaque chiffre publié peut différer du vrai d'au plus ${d} ; ` : ''}« supprimé » : trop peu de personnes derrière la donnée, ou aucune (son compte brouillé est sous ${k}).`,
  noValue: '—',
  noSeries: 'Aucune valeur à la date de coupure.',
  noIndicators: 'Aucun indicateur.',
  midtermMark: 'Mi-parcours',
  endMark: 'Fin',
  cutoffMark: 'Coupure',
  assessment: 'Appréciation du comité',
  rating: { achieved: 'Atteint', on_track: 'En bonne voie', at_risk: 'À risque', not_achieved: 'Non atteint' },
  ratingHeader: 'Appréciation',
  comment: 'Commentaire',
  recommendations: 'Recommandations',
  notAssessed: "Le comité n'a pas encore apprécié cet objectif.",
  direction: 'Sens',
  directions: { up: 'À la hausse', down: 'À la baisse' },
  sheets: { indicators: 'Indicateurs', series: 'Séries', breakdowns: 'Ventilations', assessments: 'Appréciations' },
  section: 'Section',
  sections: { indicator: 'Indicateur', series: 'Série', breakdown: 'Ventilation', assessment: 'Appréciation' },
  objectiveCode: 'Code objectif',
  orientationHeader: 'Orientation',
  periodStart: 'Début de période',
  dimensionHeader: 'Dimension',
  midtermN: 'n à mi-parcours',
  year: (y) => `Année ${y}`,
  actionsAndSchedule: 'Moyens-actions et échéancier',
  action: 'Moyen-action',
  schedule: 'Échéancier',
  scheduleKind: { date: 'Date', recurrence: 'Récurrent', ongoing: 'En continu', tbd: 'À déterminer' },
  resources: 'Ressources',
  dueInYear: "Échéance dans l'année",
  workStepsDone: "Étapes des travaux réalisées dans l'année",
  workCell: 'Cellule de travail',
  step: 'Étape',
  phase: 'Phase',
  date: 'Date',
  noWorkSteps: "Aucune étape réalisée n'est datée de cette année.",
  participationTotals: "Participation de l'année",
  activity: 'Activité',
  instrument: 'Suivi',
  counts: 'Comptages',
  participants: 'Participants',
  total: 'Total',
  noParticipation: 'Aucune participation comptée cette année.',
  indicatorValues: "Indicateurs de l'année",
  valueOfYear: "Valeur de l'année",
  cumulativeToYearEnd: 'Cumul depuis le début du plan',
  noActions: 'Aucun moyen-action.',
  noIndicatorValues: 'Aucune valeur calculée pour cette année.',
  evidenceAnnex: 'Annexe — Pièces justificatives',
  evidenceIntro:
    "Les documents qui appuient chaque indicateur, tels qu'ils existaient à la date de coupure : comptes rendus, rapports d'activités, photos, ententes. Chacun se consulte dans Repère, sur la page de l'évaluation.",
  evidenceTitle: 'Pièce',
  evidenceType: 'Type',
  noEvidence: 'Aucune pièce justificative à la date de coupure.',
};

const en: ReportStrings = {
  evaluationTitle: { midterm: 'Mid-term evaluation', final: 'Final evaluation' },
  activityTitle: 'Annual activity report',
  cutoff: 'Cut-off date',
  planPeriod: 'Plan period',
  frozenAt: 'Data frozen on',
  generatedAt: 'Report made on',
  page: (n, of) => `Page ${n} of ${of}`,
  summary: 'Summary of statuses',
  summaryIntro: (count) => `${count} indicator${count === 1 ? '' : 's'} at the cut-off date, by status against their targets.`,
  status: {
    achieved: 'Achieved',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    not_achieved: 'Not achieved',
    no_data: 'No data',
  },
  through: (period, day) => `${period}, through ${day}`,
  gap: (value, target, gap) => `${value} against a target of ${target}: ${gap} short`,
  statusHeader: 'Status',
  countHeader: 'Indicators',
  orientation: (n) => `Orientation ${n}`,
  objective: 'Objective',
  indicator: 'Indicator',
  unit: 'Unit',
  computation: 'Computation',
  kind: {
    response_count: 'Number of responses',
    participation_sum: 'Sum of participants',
    answer_share: 'Share of respondents',
    scale_mean: 'Mean of a scale',
    ratio: 'Ratio',
    manual: 'Entered value',
    work_steps_done: "Share of a work cell's steps done",
  },
  baseline: 'Baseline',
  baselineDate: 'Baseline date',
  midtermTarget: 'Mid-term target',
  finalTarget: 'Final target',
  midtermValue: 'Mid-term value',
  valueAtCutoff: 'Value at the cut-off date',
  finalValue: 'Final value',
  progression: 'Baseline › mid-term › final',
  period: 'Period',
  value: 'Value',
  n: 'n',
  cumulativeValue: 'Cumulative value',
  axisStartsAt: (start) => `Axis starts at ${start}`,
  cumulativeN: 'Cumulative n',
  series: 'Series',
  breakdowns: 'GBA+ breakdowns',
  breakdownBy: (d) => `By: ${d}`,
  dimension: {
    gender: 'Gender',
    age_group: 'Age group',
    immigration: 'Immigration background',
    language: 'Language spoken at home',
    disability: 'Disability',
  },
  category: 'Category',
  suppressed: 'suppressed',
  disclosureNote: (k, d) =>
    `${d > 0 ? `To protect people, each published figure may differ from the true one by up to ${d}; ` : ''}"suppressed": too few people behind the figure, or none (its blurred count is under ${k}).`,
  noValue: '—',
  noSeries: 'No value at the cut-off date.',
  noIndicators: 'No indicator.',
  midtermMark: 'Mid-term',
  endMark: 'End',
  cutoffMark: 'Cut-off',
  assessment: "The committee's assessment",
  rating: { achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', not_achieved: 'Not achieved' },
  ratingHeader: 'Rating',
  comment: 'Comment',
  recommendations: 'Recommendations',
  notAssessed: 'The committee has not assessed this objective yet.',
  direction: 'Direction',
  directions: { up: 'Upward', down: 'Downward' },
  sheets: { indicators: 'Indicators', series: 'Series', breakdowns: 'Breakdowns', assessments: 'Assessments' },
  section: 'Section',
  sections: { indicator: 'Indicator', series: 'Series', breakdown: 'Breakdown', assessment: 'Assessment' },
  objectiveCode: 'Objective code',
  orientationHeader: 'Orientation',
  periodStart: 'Period start',
  dimensionHeader: 'Dimension',
  midtermN: 'Mid-term n',
  year: (y) => `Year ${y}`,
  actionsAndSchedule: 'Actions and schedule',
  action: 'Action',
  schedule: 'Schedule',
  scheduleKind: { date: 'Date', recurrence: 'Recurring', ongoing: 'Ongoing', tbd: 'To be determined' },
  resources: 'Resources',
  dueInYear: 'Due in the year',
  workStepsDone: 'Work steps done in the year',
  workCell: 'Work cell',
  step: 'Step',
  phase: 'Phase',
  date: 'Date',
  noWorkSteps: 'No step done is dated in this year.',
  participationTotals: 'Participation in the year',
  activity: 'Activity',
  instrument: 'Follow-up',
  counts: 'Counts',
  participants: 'Participants',
  total: 'Total',
  noParticipation: 'No participation counted this year.',
  indicatorValues: 'Indicators of the year',
  valueOfYear: 'Value of the year',
  cumulativeToYearEnd: "Cumulative since the plan's start",
  noActions: 'No action.',
  noIndicatorValues: 'No value computed for this year.',
  evidenceAnnex: 'Appendix — Evidence',
  evidenceIntro:
    "The documents behind each indicator as they stood at the cut-off date: minutes, activity reports, photos, agreements. Each can be opened in Repère, on the evaluation's page.",
  evidenceTitle: 'Document',
  evidenceType: 'Type',
  noEvidence: 'No evidence at the cut-off date.',
};

export const REPORT_STRINGS: Record<ReportLanguage, ReportStrings> = { fr, en };
