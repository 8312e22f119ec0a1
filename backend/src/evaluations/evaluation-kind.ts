// An evaluation's kinds, states, ratings and history actions: declared once in @repere/contract.
export {
  EVALUATION_KINDS,
  EVALUATION_STATES,
  ASSESSMENT_RATINGS,
  EVALUATION_ACTIONS,
  type EvaluationKind,
  type EvaluationState,
  type AssessmentRating,
  type EvaluationAction,
} from '@repere/contract';
