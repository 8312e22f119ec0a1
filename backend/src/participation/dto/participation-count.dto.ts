import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { DIMENSIONS, Dimension } from '@backend/indicators/indicator-kind';

export class BreakdownCellDto {
  @ApiProperty({ enum: DIMENSIONS })
  @IsIn(DIMENSIONS)
  dimension: Dimension;

  @ApiProperty({ example: 'woman', description: "A category code of the dimension (the ADS+ block's answer codes; disability: yes, no)" })
  @IsString()
  @Matches(/^[a-z0-9_]+$/, { message: 'category must be a code (a-z, 0-9, _)' })
  @MaxLength(60)
  category: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  count: number;
}

export class CreateParticipationCountDto {
  @ApiProperty({ format: 'uuid', description: 'An instrument of kind participation_count or tally' })
  @IsUUID('all')
  instrumentId: string;

  @ApiProperty({ example: 'Journée de Bienvenue à Parc-Ex' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  activity: string;

  @ApiProperty({ example: '2024-08-17' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  total: number;

  @ApiPropertyOptional({ type: [BreakdownCellDto], description: 'Per dimension, the parts may not exceed the total' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BreakdownCellDto)
  breakdown?: BreakdownCellDto[];
}

export class UpdateParticipationCountDto extends PartialType(CreateParticipationCountDto) {}

export class ParticipationCountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;
}

// Responses (documentation only: the service builds them, count-figures.ts decides their figures).

const PUBLISHED =
  'as entered when `protected` is false; otherwise through the disclosure layer (cell-key method: ' +
  'perturbed by at most ±DISCLOSURE_MAX_DEVIATION, never under SUPPRESSION_K; null when from 1 to SUPPRESSION_K − 1)';

export class PublishedBreakdownCellDto {
  @ApiProperty({ enum: DIMENSIONS })
  dimension: Dimension;

  @ApiProperty({ example: 'woman' })
  category: string;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: `The count, ${PUBLISHED}` })
  count: number | null;

  @ApiProperty({ description: 'The count is hidden (null): from 1 to SUPPRESSION_K − 1 people' })
  hidden: boolean;
}

export class ParticipationCountViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The organization that recorded it' }) organizationId:
    string | null;
  @ApiProperty() activity: string;
  @ApiProperty({ example: '2024-08-17' }) date: string;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: `The total, ${PUBLISHED}` })
  total: number | null;

  @ApiProperty({ description: 'The total is hidden (null): from 1 to SUPPRESSION_K − 1 people' })
  totalHidden: boolean;

  @ApiProperty({ type: [PublishedBreakdownCellDto] })
  breakdown: PublishedBreakdownCellDto[];

  @ApiProperty({ format: 'uuid', type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  @ApiProperty({
    description:
      "true: the figures went through the disclosure layer (the committee's reads), the same on every read and as the " +
      'indicators built on the count publish it alone in its cell; false: as entered (evaluators, admins, partners reading their ' +
      "own organization's counts — the only ones they may read — and the writer's own POST and PATCH)",
  })
  protected: boolean;
}

export class ParticipationCountPreviousDto {
  @ApiProperty() activity: string;
  @ApiProperty() date: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ type: Number, nullable: true, description: "The total before the change, published as the count's" }) total: number | null;
  @ApiProperty() totalHidden: boolean;
  @ApiProperty({ type: [PublishedBreakdownCellDto] }) breakdown: PublishedBreakdownCellDto[];
}

export class ParticipationCountRevisionDto {
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The display name (or email) of who changed it, when that user still exists' })
  changedByName: string | null;

  @ApiProperty() changedAt: Date;
  @ApiProperty({ type: ParticipationCountPreviousDto, description: 'The fields before the change' })
  previous: ParticipationCountPreviousDto;
}

export class ParticipationCountWithHistoryDto extends ParticipationCountViewDto {
  @ApiProperty({ type: [ParticipationCountRevisionDto], description: 'Newest first' })
  history: ParticipationCountRevisionDto[];
}

export class ParticipationCountPageDto {
  @ApiProperty({ type: [ParticipationCountViewDto] }) items: ParticipationCountViewDto[];
  @ApiProperty({ description: 'How many counts match (entries, not people)' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
