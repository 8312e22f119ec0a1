// What an evaluation freezes at its cut-off (DOMAIN.md « Évaluation à mi-parcours / finale »), built by
// EvaluationsService and read by reports and the web app: declared once in @repere/contract.
export {
  indicatorsOf,
  type EvaluationSnapshot,
  type OrientationSnapshot,
  type ObjectiveSnapshot,
  type IndicatorSnapshot,
  type SnapshotPeriod,
  type SnapshotCategory,
} from '@repere/contract';
