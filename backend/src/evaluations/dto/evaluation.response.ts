import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE, INSTANT, PageOf, UUID } from '@backend/common/record.response';
import { BaselineDto, DataPeriodDto, FigurePeriodDto } from '@backend/aggregation/dto/figures.response';
import { IndicatorEvidenceDto } from '@backend/evidence/indicator-evidence.dto';
import { IndicatorSourceDto } from '@backend/indicators/dto/indicator.response';
import {
  DIMENSIONS,
  DIRECTIONS,
  Dimension,
  Direction,
  GRAINS,
  Grain,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  IndicatorKind,
  IndicatorStatus,
} from '@backend/indicators/indicator-kind';
import {
  PROGRESS_STATUSES,
  ProgressStatus,
  type EvaluationSnapshot,
  type FigureCategory,
  type IndicatorSnapshot,
  type ObjectiveSnapshot,
  type OrientationSnapshot,
} from '@repere/contract';
import {
  ASSESSMENT_RATINGS,
  AssessmentRating,
  EVALUATION_ACTIONS,
  EVALUATION_KINDS,
  EVALUATION_STATES,
  EvaluationAction,
  EvaluationKind,
  EvaluationState,
} from '../evaluation-kind';
import type { AssessmentView, EvaluationDetail, EvaluationSummary, HistoryEntry, MidtermComparison } from '../evaluations.service';

// An evaluation as the API answers it, with its frozen snapshot (evaluation-snapshot.ts). Snapshots frozen before a
// field existed lack it: those fields are optional here.

export class EvaluationSummaryDto implements EvaluationSummary {
  @ApiProperty(UUID) id: string;
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind: EvaluationKind;
  @ApiProperty(DATE) cutoff: string;
  @ApiProperty({ enum: EVALUATION_STATES, enumName: 'EvaluationState' }) state: EvaluationState;
  @ApiProperty(UUID) openedBy: string;
  @ApiProperty(INSTANT) openedAt: Date;
  @ApiProperty({ ...INSTANT, nullable: true }) frozenAt: Date | null;
  @ApiProperty({ ...UUID, nullable: true }) closedBy: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) closedAt: Date | null;
}
export const EvaluationSummaryPageDto = PageOf(EvaluationSummaryDto);

export class FigureCategoryDto implements FigureCategory {
  @ApiProperty({ example: 'woman' }) category: string;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) n: number | null;
  @ApiProperty() suppressed: boolean;
}

export class BreakdownDto {
  @ApiProperty({ enum: DIMENSIONS, enumName: 'Dimension' }) dimension: Dimension;
  @ApiProperty({ type: [FigureCategoryDto] }) cells: FigureCategoryDto[];
}

export class IndicatorSnapshotDto implements IndicatorSnapshot {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' }) kind: IndicatorKind;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: GRAINS, enumName: 'Grain' }) grain: Grain;
  @ApiProperty({ enum: DIRECTIONS, enumName: 'Direction' }) direction: Direction;
  @ApiProperty({ enum: DIMENSIONS, enumName: 'Dimension', isArray: true }) dimensions: Dimension[];
  @ApiProperty({ enum: INDICATOR_STATUSES, enumName: 'IndicatorStatus' }) definitionStatus: IndicatorStatus;
  @ApiProperty({ type: IndicatorSourceDto }) source: IndicatorSourceDto;
  @ApiProperty({ type: BaselineDto }) baseline: BaselineDto;
  @ApiProperty({ type: Number, nullable: true }) midtermTarget: number | null;
  @ApiProperty({ type: Number, nullable: true }) finalTarget: number | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) n: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ ...DATE, nullable: true }) period: string | null;
  @ApiPropertyOptional({ ...DATE, nullable: true }) periodEnd?: string | null;
  @ApiPropertyOptional() partial?: boolean;
  @ApiProperty({ enum: PROGRESS_STATUSES, enumName: 'ProgressStatus' }) status: ProgressStatus;
  @ApiProperty({ type: [FigurePeriodDto] }) series: FigurePeriodDto[];
  @ApiProperty({ type: [BreakdownDto] }) breakdowns: BreakdownDto[];
  @ApiPropertyOptional({
    type: [IndicatorEvidenceDto],
    description: 'The files behind its figure at the cut-off, by date; absent from snapshots frozen before evidence was kept',
  })
  evidence?: IndicatorEvidenceDto[];
}

export class ObjectiveSnapshotDto implements ObjectiveSnapshot {
  @ApiProperty(UUID) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [IndicatorSnapshotDto] }) indicators: IndicatorSnapshotDto[];
}

export class OrientationSnapshotDto implements OrientationSnapshot {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ObjectiveSnapshotDto] }) objectives: ObjectiveSnapshotDto[];
}

type SnapshotPlan = EvaluationSnapshot['plan'];

export class SnapshotPlanDto implements SnapshotPlan {
  @ApiProperty(UUID) id: string;
  @ApiProperty() title: string;
  @ApiProperty(DATE) startDate: string;
  @ApiProperty(DATE) midtermDate: string;
  @ApiProperty(DATE) endDate: string;
  @ApiPropertyOptional() timeZone?: string;
}

export class EvaluationSnapshotDto implements EvaluationSnapshot {
  @ApiProperty({ type: SnapshotPlanDto }) plan: SnapshotPlanDto;
  @ApiPropertyOptional({ type: DataPeriodDto }) dataPeriod?: DataPeriodDto;
  @ApiProperty(DATE) cutoff: string;
  @ApiProperty({ type: String, format: 'date-time' }) frozenAt: string;
  @ApiProperty({ type: 'integer' }) suppressionK: number;
  @ApiPropertyOptional() maxDeviation?: number;
  @ApiProperty({ type: [OrientationSnapshotDto] }) orientations: OrientationSnapshotDto[];
}

export class AssessmentViewDto implements AssessmentView {
  @ApiProperty({ ...UUID, description: 'What documents are attached to (evidence of owner kind assessment)' }) id: string;
  @ApiProperty(UUID) objectiveId: string;
  @ApiProperty({ enum: ASSESSMENT_RATINGS, enumName: 'AssessmentRating' }) rating: AssessmentRating;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true }) recommendations: string | null;
  @ApiProperty(UUID) updatedBy: string;
  @ApiProperty(INSTANT) updatedAt: Date;
}

export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty(INSTANT) at: Date;
  @ApiProperty({ enum: EVALUATION_ACTIONS, enumName: 'EvaluationAction' }) action: EvaluationAction;
  @ApiProperty({ ...UUID, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Display name or email, while the user exists' }) userName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] },
    example: { kind: 'midterm', cutoff: '2022-09-29' },
  })
  detail: Record<string, string | number | null>;
}

export class MidtermIndicatorDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) n: number | null;
  @ApiProperty({ enum: PROGRESS_STATUSES, enumName: 'ProgressStatus' }) status: ProgressStatus;
}

export class MidtermComparisonDto implements MidtermComparison {
  @ApiProperty(UUID) id: string;
  @ApiProperty(DATE) cutoff: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/MidtermIndicatorDto' },
    description: 'By indicator id',
  })
  indicators: Record<string, MidtermIndicatorDto>;
}

export class EvaluationDetailDto extends EvaluationSummaryDto implements Omit<EvaluationDetail, 'snapshot'> {
  @ApiProperty({ type: EvaluationSnapshotDto, nullable: true, description: 'Null while freezing' }) snapshot: EvaluationSnapshotDto | null;
  @ApiProperty({ type: [AssessmentViewDto] }) assessments: AssessmentViewDto[];
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
  @ApiPropertyOptional({ type: MidtermComparisonDto, nullable: true, description: "A final's mid-term (null when there is none)" })
  midterm?: MidtermComparisonDto | null;
}
