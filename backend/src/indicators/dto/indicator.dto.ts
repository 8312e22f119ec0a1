import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { ArchivedQuery } from '@backend/common/archive';
import { PlanPartQueryDto } from '@backend/plans/dto/orientation.dto';
import { PatchType } from '@backend/common/patch-type';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
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

const FINITE = { allowNaN: false, allowInfinity: false };

export class RatioPartDto {
  @ApiProperty({ enum: ['response_count', 'participation_sum', 'constant'] })
  @IsIn(['response_count', 'participation_sum', 'constant'])
  kind: 'response_count' | 'participation_sum' | 'constant';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  questionnaireId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  instrumentIds?: string[];

  @ApiPropertyOptional({ description: 'For a constant: the number it stands for (members of the table…)' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  value?: number;
}

/** Where the value comes from; which fields matter depends on the kind (see indicator-source.ts). */
export class IndicatorSourceDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  questionnaireId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The question counted (answer_share, scale_mean, filtered response_count)' })
  @IsOptional()
  @IsUUID('all')
  questionId?: string;

  @ApiPropertyOptional({ description: 'The answers that count (choice codes, true/false)', type: 'array', items: {} })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  anyOf?: (string | boolean | number)[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  instrumentIds?: string[];

  @ApiPropertyOptional({ type: RatioPartDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatioPartDto)
  numerator?: RatioPartDto;

  @ApiPropertyOptional({ type: RatioPartDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatioPartDto)
  denominator?: RatioPartDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'For work_steps_done: the work cell whose steps are counted' })
  @IsOptional()
  @IsUUID('all')
  workCellId?: string;

  @ApiPropertyOptional({ example: 'PHASE 1', description: 'For work_steps_done: only the steps of this phase' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  phase?: string;
}

export class CreateIndicatorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  objectiveId: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  expectedResultId?: string | null;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'participants' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  unit?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: 'What a reader should know about the figure, e.g. why it has none (« Sans données »)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({ enum: INDICATOR_KINDS, default: 'manual' })
  @IsOptional()
  @IsIn(INDICATOR_KINDS)
  kind?: IndicatorKind;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: IndicatorStatus;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  baselineValue?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2021-06-28' })
  @IsOptional()
  @IsDateOnly()
  baselineDate?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  midtermTarget?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  finalTarget?: number | null;

  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'up' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiPropertyOptional({ enum: GRAINS, default: 'quarter' })
  @IsOptional()
  @IsIn(GRAINS)
  grain?: Grain;

  @ApiPropertyOptional({ enum: DIMENSIONS, isArray: true, description: 'ADS+ dimensions it is broken down by' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DIMENSIONS, { each: true })
  dimensions?: Dimension[];

  @ApiPropertyOptional({ type: IndicatorSourceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorSourceDto)
  source?: IndicatorSourceDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Instruments of the same plan that feed it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  instrumentIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateIndicatorDto extends PatchType(CreateIndicatorDto) {}

export class IndicatorQueryDto extends IntersectionType(PlanPartQueryDto, ArchivedQuery) {}
