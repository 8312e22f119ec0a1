import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PROGRESS_STATUSES, type ProgressStatus } from '@repere/contract';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { INDICATOR_KINDS, INDICATOR_STATUSES, IndicatorKind, IndicatorStatus } from '../indicator-kind';

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of: ${values.join(', ')}` });

export class IndicatorOverviewFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this plan's indicators" })
  @IsOptional()
  @IsUUID('all', { message: 'planId must be a plan id (UUID)' })
  planId?: string;

  @ApiPropertyOptional({ enum: INDICATOR_KINDS, enumName: 'IndicatorKind' })
  @IsOptional()
  @IsIn(INDICATOR_KINDS, oneOf('kind', INDICATOR_KINDS))
  kind?: IndicatorKind;

  @ApiPropertyOptional({ enum: PROGRESS_STATUSES, enumName: 'ProgressStatus', description: 'Status against its targets today' })
  @IsOptional()
  @IsIn(PROGRESS_STATUSES, oneOf('status', PROGRESS_STATUSES))
  status?: ProgressStatus;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES, enumName: 'IndicatorStatus', description: 'Draft or active definition' })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES, oneOf('definitionStatus', INDICATOR_STATUSES))
  definitionStatus?: IndicatorStatus;

  @ApiPropertyOptional({ example: 'participants', description: "Words of the indicator's name (accents and case ignored)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class IndicatorOverviewQueryDto extends IntersectionType(PageQueryDto, IndicatorOverviewFilterDto) {}
