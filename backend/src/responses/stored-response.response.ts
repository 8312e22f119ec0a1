import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import { INSTANT, PageOf, UUID } from '@backend/common/record.response';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import type { StoredResponseView } from './responses.service';

/** An answer as stored: a choice code, codes, yes/no, a number, a text, a YYYY-MM-DD date, or null (« prefer not »). */
const ANSWER_VALUE: SchemaObject = {
  // OpenAPI 3.0 has no null type: `nullable` sits on one of the alternatives.
  oneOf: [{ type: 'string', nullable: true }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }, { type: 'number' }],
};

export class StoredResponseDto implements StoredResponseView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ type: 'integer', description: 'The questionnaire version answered' }) version: number;
  @ApiProperty({ example: 'fr' }) language: string;
  @ApiProperty(INSTANT) receivedAt: Date;
  @ApiProperty(INSTANT) answeredAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: ANSWER_VALUE, description: 'By question id' }) answers: Record<string, AnswerValue>;
}
export const StoredResponsePageDto = PageOf(StoredResponseDto);
