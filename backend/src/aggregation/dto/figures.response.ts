import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE, UUID } from '@backend/common/record.response';
import {
  DIRECTIONS,
  Direction,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  IndicatorKind,
  IndicatorStatus,
} from '@backend/indicators/indicator-kind';
import { PROGRESS_STATUSES, ProgressStatus, type FigurePeriod } from '@repere/contract';

// An indicator's figures as the API answers them (GET /api/indicators/{id}/values, GET /api/plans/{id}/progress);
// the same shapes as evaluations' snapshots (evaluation.response.ts).

const PUBLISHED = 'as published (perturbed within ±maxDeviation), null when suppressed';

export class FigurePeriodDto implements FigurePeriod {
  @ApiProperty({ ...DATE, description: 'The first day of the period' }) period: string;
  @ApiProperty({ type: Number, nullable: true, description: `The value of the period, ${PUBLISHED}` }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'How many responses, people or entries it rests on' }) n: number | null;
  @ApiProperty({ description: 'From 1 to k − 1 people behind it: hidden' }) suppressed: boolean;
  @ApiProperty({ type: Number, nullable: true, description: "Since the plan's start up to the period's end" }) cumulativeValue:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) cumulativeN: number | null;
  @ApiProperty() cumulativeSuppressed: boolean;
}

export class SeriesPointDto extends FigurePeriodDto {
  @ApiPropertyOptional({ example: 'woman', description: 'The ADS+ category (with `by`)' }) category?: string;
  @ApiPropertyOptional({ enum: [true], description: 'The true figures (view=unpublished): never to be published' })
  notForPublication?: true;
}

export class DataPeriodDto {
  @ApiProperty(DATE) from: string;
  @ApiProperty(DATE) until: string;
}

export class DisclosureParamsDto {
  @ApiProperty({ type: 'integer', description: 'Counts from 1 to k − 1 are hidden' }) k: number;
  @ApiProperty({ description: 'The most a published count differs from the true one' }) maxDeviation: number;
}

export class BaselineDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ ...DATE, nullable: true }) date: string | null;
}

export class IndicatorProgressDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' }) kind: IndicatorKind;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: INDICATOR_STATUSES, enumName: 'IndicatorStatus' }) definitionStatus: IndicatorStatus;
  @ApiProperty(UUID) objectiveId: string;
  @ApiProperty({ ...UUID, nullable: true }) actionId: string | null;
  @ApiProperty({ enum: DIRECTIONS, enumName: 'Direction' }) direction: Direction;
  @ApiProperty({ type: BaselineDto }) baseline: BaselineDto;
  @ApiProperty({ type: Number, nullable: true }) midtermTarget: number | null;
  @ApiProperty({ type: Number, nullable: true }) finalTarget: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `Cumulative for counts, the latest period's otherwise; ${PUBLISHED}` }) value:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) n: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ ...DATE, nullable: true, description: 'The first day of the period the value was read from' }) period: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The last day counted in that period' }) periodEnd: string | null;
  @ApiProperty({ description: 'The period is cut by the as-of date or the data period' }) partial: boolean;
  @ApiProperty({ enum: PROGRESS_STATUSES, enumName: 'ProgressStatus' }) status: ProgressStatus;
}

export class PlanProgressDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ ...DATE, description: 'The as-of date' }) at: string;
  @ApiProperty({ ...DATE, description: "Today in the plan's time zone" }) today: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ description: 'The as-of date is past the end date: statuses are final' }) ended: boolean;
  @ApiProperty({ type: DataPeriodDto }) dataPeriod: DataPeriodDto;
  @ApiProperty({ type: DisclosureParamsDto }) disclosure: DisclosureParamsDto;
  @ApiProperty({ type: [IndicatorProgressDto] }) indicators: IndicatorProgressDto[];
}
