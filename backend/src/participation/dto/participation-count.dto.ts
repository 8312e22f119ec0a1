import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { DIMENSIONS, Dimension } from '@backend/indicators/indicator-kind';

export class BreakdownCellDto {
  @ApiProperty({ enum: DIMENSIONS }) @IsIn(DIMENSIONS)
  dimension: Dimension;

  @ApiProperty({ example: 'woman', description: 'A category code of the dimension (the ADS+ block\'s answer codes; disability: yes, no)' })
  @IsString() @Matches(/^[a-z0-9_]+$/, { message: 'category must be a code (a-z, 0-9, _)' }) @MaxLength(60)
  category: string;

  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10_000_000)
  count: number;
}

export class CreateParticipationCountDto {
  @ApiProperty({ format: 'uuid', description: 'An instrument of kind participation_count or tally' }) @IsUUID('all')
  instrumentId: string;

  @ApiProperty({ example: 'Journée de Bienvenue à Parc-Ex' }) @IsString() @IsNotEmpty() @MaxLength(300)
  activity: string;

  @ApiProperty({ example: '2024-08-17' }) @IsDateOnly()
  date: string;

  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10_000_000)
  total: number;

  @ApiPropertyOptional({ type: [BreakdownCellDto], description: 'Per dimension, the parts may not exceed the total' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BreakdownCellDto)
  breakdown?: BreakdownCellDto[];
}

export class UpdateParticipationCountDto extends PartialType(CreateParticipationCountDto) {}

export class ParticipationCountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all')
  instrumentId?: string;
}
