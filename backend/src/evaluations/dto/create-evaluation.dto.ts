import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { EVALUATION_KINDS, EvaluationKind } from '../evaluation-kind';

export class CreateEvaluationDto {
  @ApiProperty({ enum: EVALUATION_KINDS })
  @IsIn(EVALUATION_KINDS)
  kind: EvaluationKind;

  @ApiProperty({
    example: '2022-12-31',
    description: 'The values are those answered, counted or entered by this day; not after today, not before the plan starts',
  })
  @IsDateOnly()
  cutoff: string;
}
