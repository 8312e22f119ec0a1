/**
 * Where an indicator's value comes from, by kind (DOMAIN.md « Indicators »):
 * - response_count: responses to `questionnaireId` (optionally only those whose `questionId` answer is in `anyOf`);
 * - answer_share: % of those who answered `questionId` whose answer is in `anyOf` (« les résidents connaissent la Table »);
 * - scale_mean: mean of the scale `questionId`;
 * - participation_sum: sum of participation counts of `instrumentIds`;
 * - ratio: `numerator` / `denominator`, each a response count, a participation sum or a constant, × 100;
 * - manual: values entered with evidence.
 */
export interface RatioPart {
  kind: 'response_count' | 'participation_sum' | 'constant';
  questionnaireId?: string;
  instrumentIds?: string[];
  value?: number;
}

export interface IndicatorSource {
  questionnaireId?: string;
  questionId?: string;
  anyOf?: (string | boolean | number)[];
  instrumentIds?: string[];
  numerator?: RatioPart;
  denominator?: RatioPart;
}
