import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { ArchivableRecordDto, DATE, PageOf, RecordDto, UUID } from '@backend/common/record.response';
import { RATIO_PART_KINDS, RatioPartKind } from '@repere/contract';
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
} from '../indicator-kind';
import type { IndicatorSource, RatioPart } from '../indicator-source';
import { INSTRUMENT_KINDS, InstrumentKind } from '../instrument-kind';

// Indicators, instruments and manual values as the API answers them.

/** A code an indicator counts: a choice's code, yes/no, a scale point or a number. */
export const ANSWER_CODE: SchemaObject = { oneOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'number' }] };

export class RatioPartDto implements RatioPart {
  @ApiProperty({ enum: RATIO_PART_KINDS, enumName: 'RatioPartKind' }) kind: RatioPartKind;
  @ApiPropertyOptional(UUID) questionnaireId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) instrumentIds?: string[];
  @ApiPropertyOptional({ description: 'The constant (kind constant)' }) value?: number;
}

/** Where the value comes from; which fields apply depends on the kind (DOMAIN.md « Indicators »). */
export class IndicatorSourceDto implements IndicatorSource {
  @ApiPropertyOptional(UUID) questionnaireId?: string;
  @ApiPropertyOptional(UUID) questionId?: string;
  @ApiPropertyOptional({ type: 'array', items: ANSWER_CODE, description: 'The answers counted' }) anyOf?: (string | boolean | number)[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) instrumentIds?: string[];
  @ApiPropertyOptional({ type: RatioPartDto }) numerator?: RatioPartDto;
  @ApiPropertyOptional({ type: RatioPartDto }) denominator?: RatioPartDto;
  @ApiPropertyOptional({ ...UUID, description: 'The work cell whose steps are counted (work_steps_done)' }) workCellId?: string;
  @ApiPropertyOptional({ description: 'Only the steps of this phase (work_steps_done)' }) phase?: string;
}

export class IndicatorDto extends ArchivableRecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty(UUID) objectiveId: string;
  @ApiProperty({ ...UUID, nullable: true }) actionId: string | null;
  @ApiProperty({ ...UUID, nullable: true }) expectedResultId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '%' }) unit: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it has no figure, or anything a reader should know about it' })
  note: string | null;
  @ApiProperty({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' }) kind: IndicatorKind;
  @ApiProperty({ enum: INDICATOR_STATUSES, enumName: 'IndicatorStatus' }) status: IndicatorStatus;
  @ApiProperty({ type: Number, nullable: true }) baselineValue: number | null;
  @ApiProperty({ ...DATE, nullable: true }) baselineDate: string | null;
  @ApiProperty({ type: Number, nullable: true }) midtermTarget: number | null;
  @ApiProperty({ type: Number, nullable: true }) finalTarget: number | null;
  @ApiProperty({ enum: DIRECTIONS, enumName: 'Direction', description: 'Whether more is better (up) or less (down)' }) direction: Direction;
  @ApiProperty({ enum: GRAINS, enumName: 'Grain' }) grain: Grain;
  @ApiProperty({ enum: DIMENSIONS, enumName: 'Dimension', isArray: true, description: 'The ADS+ dimensions it is broken down by' })
  dimensions: Dimension[];
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ type: IndicatorSourceDto }) source: IndicatorSourceDto;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The instruments that feed it' }) instrumentIds: string[];
}
export const IndicatorPageDto = PageOf(IndicatorDto);

export class InstrumentDto extends RecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ ...UUID, nullable: true }) actionId: string | null;
  @ApiProperty({ enum: INSTRUMENT_KINDS, enumName: 'InstrumentKind' }) kind: InstrumentKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: 'integer' }) position: number;
}
export const InstrumentPageDto = PageOf(InstrumentDto);

export class ManualValueDto extends RecordDto {
  @ApiProperty(UUID) indicatorId: string;
  @ApiProperty(DATE) date: string;
  @ApiProperty() value: number;
  @ApiProperty({ description: "What shows the value (a link, a document's name)" }) evidence: string;
  @ApiProperty({ ...UUID, nullable: true }) enteredBy: string | null;
}
export const ManualValuePageDto = PageOf(ManualValueDto);
