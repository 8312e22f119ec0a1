import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@backend/common/pagination.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'indicator',
    description:
      'plan, orientation, objective, action, expected_result, indicator, instrument, manual_value, participation_count, questionnaire, questionnaire_version, evaluation, assessment, user, organization, work_cell, work_step, partnership, import, evidence',
  })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z_]+$/, { message: 'entityType must be lower-case letters and underscores' })
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the events of this plan and of its parts (orientations, objectives, actions, expected results, indicators, instruments, questionnaires and versions, manual values, counts, evaluations and assessments, imports)',
  })
  @IsOptional()
  @IsUUID('all')
  planId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'from this instant (or day), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'up to this instant (or day), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
