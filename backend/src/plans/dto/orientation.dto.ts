import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PLAN_TEXT_MAX } from '@repere/contract';
import { PatchType } from '@backend/common/patch-type';
import { PageQueryDto } from '@backend/common/pagination.dto';

export class CreateOrientationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  planId: string;

  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(0)
  @Max(999)
  number: number;

  @ApiProperty({ example: 'Obtenir plus de visibilité dans le quartier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.orientationTitle)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateOrientationDto extends PatchType(OmitType(CreateOrientationDto, ['planId'] as const)) {}

/** Lists of a plan's parts are filtered by plan. */
export class PlanPartQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  planId?: string;
}
