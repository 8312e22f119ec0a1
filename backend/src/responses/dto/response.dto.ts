import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// For the OpenAPI document only: the public ingest checks its body by hand (see response-body.ts), on the hot path.

export class AnswerDto {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({
    description: 'A choice code (single choice), an array of codes (multiple choice), true/false (yes/no), a number (scale, number), '
      + 'a string (text), "YYYY-MM-DD" (date), or null for « prefer not to answer » where allowed',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }, { type: 'number' }],
    nullable: true,
  })
  value: unknown;
}

export class SubmitResponseDto {
  @ApiProperty({ example: 'fr', description: 'One of the languages of the answered version' })
  language: string;

  @ApiProperty({ example: 1, description: 'The version answered: the current one or an earlier one' })
  version: number;

  @ApiProperty({ type: [AnswerDto] })
  answers: AnswerDto[];

  @ApiPropertyOptional({ description: 'Honeypot: left empty by people. When filled, the reply looks normal and nothing is stored.' })
  website?: string;
}

export class ResponseReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
}
