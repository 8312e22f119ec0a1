import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PLAN_TEXT_MAX } from '@repere/contract';
import { PatchType } from '@backend/common/patch-type';

export class CreateObjectiveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  orientationId: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The objective this sub-objective nests under (same plan)',
  })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @ApiProperty({ example: '3.2.1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.objectiveCode)
  code: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.objectiveTitle)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateObjectiveDto extends PatchType(CreateObjectiveDto) {}
