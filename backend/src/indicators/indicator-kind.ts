// Kinds, statuses, directions, grains and ADS+ dimensions of indicators are the API's contract with the web app:
// declared once in @repere/contract.
export {
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  DIRECTIONS,
  GRAINS,
  DIMENSIONS,
  type IndicatorKind,
  type IndicatorStatus,
  type Direction,
  type Grain,
  type Dimension,
} from '@repere/contract';
