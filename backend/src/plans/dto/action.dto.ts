import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PatchType } from '@backend/common/patch-type';
import { MAX_RESPONSIBLE_ORGANIZATIONS, PLAN_TEXT_MAX, RRULE } from '@repere/contract';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { POLICY_VALUES, PolicyValue } from '../policy-value';
import { SCHEDULE_KINDS, ScheduleKind } from '../schedule-kind';

export class ScheduleDto {
  @ApiPropertyOptional({ enum: SCHEDULE_KINDS, description: 'Parsed from text when omitted' })
  @IsOptional()
  @IsIn(SCHEDULE_KINDS)
  kind?: ScheduleKind;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2022-12-31' })
  @IsOptional()
  @IsDateOnly()
  date?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'FREQ=YEARLY;BYMONTH=8', description: 'An RFC 5545 RRULE' })
  @IsOptional()
  @Matches(RRULE, { message: 'recurrence must be an RRULE such as FREQ=YEARLY;BYMONTH=8' })
  recurrence?: string | null;

  @ApiProperty({ example: 'Annuel – août', description: 'The schedule as written; kept as is' })
  @IsString()
  @MaxLength(PLAN_TEXT_MAX.actionScheduleText)
  text: string;
}

export class CreateActionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  objectiveId: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.actionDescription)
  description: string;

  @ApiPropertyOptional({ type: ScheduleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PLAN_TEXT_MAX.actionResources)
  resources?: string | null;

  @ApiPropertyOptional({ enum: POLICY_VALUES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(POLICY_VALUES, { each: true })
  values?: PolicyValue[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RESPONSIBLE_ORGANIZATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  responsibleOrganizationIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateActionDto extends PatchType(CreateActionDto) {}
