import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PLAN_TEXT_MAX } from '@repere/contract';
import { ArchivedQuery } from '@backend/common/archive';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { PatchType } from '@backend/common/patch-type';
import { IsTimeZone } from '@backend/common/is-time-zone.decorator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';

export class CreatePlanDto {
  @ApiProperty({ example: "Plan d'action 2021/2023" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.planTitle)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PLAN_TEXT_MAX.planDescription)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  ownerOrganizationId?: string | null;

  @ApiProperty({ example: '2021-06-28' })
  @IsDateOnly()
  startDate: string;

  @ApiProperty({ example: '2023-12-31' })
  @IsDateOnly()
  endDate: string;

  @ApiPropertyOptional({ description: 'Defaults to the midpoint between start and end' })
  @IsOptional()
  @IsDateOnly()
  midtermDate?: string;

  @ApiPropertyOptional({
    example: 'America/Toronto',
    description: "IANA time zone of the people the plan serves; defaults to the deployment's DEFAULT_TIME_ZONE",
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2021-01-01',
    description: 'First day whose data count in the figures; null: the start date',
  })
  @IsOptional()
  @IsDateOnly()
  dataFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2024-03-31',
    description: 'Last day whose data count in the figures; null: the end date',
  })
  @IsOptional()
  @IsDateOnly()
  dataUntil?: string | null;
}

export class UpdatePlanDto extends PatchType(CreatePlanDto) {}

export class PlanQueryDto extends IntersectionType(PageQueryDto, ArchivedQuery) {}
