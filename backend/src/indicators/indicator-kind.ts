/** How an indicator's value is computed from its instruments' data (DOMAIN.md, « Indicators »). */
export const INDICATOR_KINDS = ['response_count', 'participation_sum', 'answer_share', 'scale_mean', 'ratio', 'manual'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_STATUSES = ['draft', 'active'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/** ADS+ disaggregation dimensions. */
export const DIMENSIONS = ['gender', 'age_group', 'immigration', 'language', 'disability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
