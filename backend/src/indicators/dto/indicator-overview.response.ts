import { ApiProperty } from '@nestjs/swagger';
import { PROGRESS_STATUSES, type ProgressStatus } from '@repere/contract';
import { DATE, PageOf, UUID } from '@backend/common/record.response';
import { INDICATOR_KINDS, INDICATOR_STATUSES, IndicatorKind, IndicatorStatus } from '../indicator-kind';
import type { IndicatorOverviewItem } from '../indicator-overview.service';

export class OverviewPlanDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() title: string;
}

export class OverviewObjectiveDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ example: '3.2.1' }) code: string;
  @ApiProperty() title: string;
}

export class IndicatorOverviewDto implements IndicatorOverviewItem {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' }) kind: IndicatorKind;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: INDICATOR_STATUSES, enumName: 'IndicatorStatus' }) definitionStatus: IndicatorStatus;
  @ApiProperty({ type: OverviewPlanDto }) plan: OverviewPlanDto;
  @ApiProperty({ type: OverviewObjectiveDto }) objective: OverviewObjectiveDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Today's value as the plan's dashboard publishes it (perturbed within ±maxDeviation), null when suppressed",
  })
  value: number | null;
  @ApiProperty({ type: Number, nullable: true }) n: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ ...DATE, nullable: true, description: 'The first day of the period the value was read from' }) period: string | null;
  @ApiProperty() partial: boolean;
  @ApiProperty({ enum: PROGRESS_STATUSES, enumName: 'ProgressStatus' }) status: ProgressStatus;
}

export const IndicatorOverviewPageDto = PageOf(IndicatorOverviewDto);
