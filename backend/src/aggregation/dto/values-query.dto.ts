import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { DIMENSIONS, Dimension, GRAINS, Grain } from '@backend/indicators/indicator-kind';

export const VIEWS = ['published', 'unpublished'] as const;
export type View = (typeof VIEWS)[number];

export class ValuesQueryDto {
  @ApiPropertyOptional({ example: '2021-01-01' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2023-12-31' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ enum: GRAINS, description: "Defaults to the indicator's grain" })
  @IsOptional()
  @IsIn(GRAINS)
  grain?: Grain;

  @ApiPropertyOptional({ enum: DIMENSIONS, description: 'An ADS+ dimension the indicator is broken down by' })
  @IsOptional()
  @IsIn(DIMENSIONS)
  by?: Dimension;

  @ApiPropertyOptional({
    example: '2022-09-29',
    description:
      "The series as of this day (in the plan's time zone): periods starting later left out, the one holding it counted up to it",
  })
  @IsOptional()
  @IsDateOnly()
  at?: string;

  @ApiPropertyOptional({
    enum: VIEWS,
    default: 'published',
    description:
      'published: the figures everyone may see (perturbed, small counts hidden); unpublished: the true figures, for evaluators and admins only, never to be published',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view?: View;
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ example: '2022-09-29', description: "Defaults to today in the plan's time zone" })
  @IsOptional()
  @IsDateOnly()
  at?: string;
}
