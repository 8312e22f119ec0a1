import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ASSESSMENT_RATINGS, AssessmentRating } from '../evaluation-kind';

/** PUT replaces the whole assessment: a comment or recommendations left out are cleared. */
export class AssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_RATINGS, description: 'atteint, en bonne voie, à risque, non atteint' })
  @IsIn(ASSESSMENT_RATINGS)
  rating: AssessmentRating;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  comment?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  recommendations?: string | null;
}
