import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PLAN_TEXT_MAX } from '@repere/contract';
import { PatchType } from '@backend/common/patch-type';

export class CreateExpectedResultDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  objectiveId: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The action it results from, in the same objective' })
  @IsOptional()
  @IsUUID('all')
  actionId?: string | null;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_TEXT_MAX.expectedResultText)
  text: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateExpectedResultDto extends PatchType(CreateExpectedResultDto) {}
