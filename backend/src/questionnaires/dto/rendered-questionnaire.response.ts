import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UUID } from '@backend/common/record.response';
import { ANSWER_CODE } from '@backend/indicators/dto/indicator.response';
import { QUESTION_TYPES, QuestionType } from '../question.types';
import type { RenderedQuestionnaire } from '../render-questionnaire';

// What a resident's phone reads (GET /api/public/questionnaires/{slug}): one language, every string already chosen,
// so the page holds no translation logic. The classes implement render-questionnaire.ts's own type: a field added
// there and not here fails the build.

type RenderedQuestion = RenderedQuestionnaire['questions'][number];

@ApiSchema({ name: 'RenderedChoice' })
export class RenderedChoiceDto {
  @ApiProperty({ example: 'yes', description: 'What the answer sends' }) code: string;
  @ApiProperty() label: string;
}

@ApiSchema({ name: 'RenderedShowIf' })
export class RenderedShowIfDto {
  @ApiProperty(UUID) questionId: string;
  @ApiProperty({ type: 'array', items: ANSWER_CODE, description: 'Shown when the earlier answer is (or contains) one of these' })
  anyOf: (string | boolean | number)[];
}

@ApiSchema({ name: 'RenderedQuestion' })
export class RenderedQuestionDto implements RenderedQuestion {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type: QuestionType;
  @ApiProperty() required: boolean;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) help: string | null;
  @ApiProperty({ type: [RenderedChoiceDto], description: 'Empty unless a choice question' }) choices: RenderedChoiceDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Bounds of scale and number questions' }) min: number | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty({ type: String, nullable: true }) minLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) maxLabel: string | null;
  @ApiProperty({ description: '« Je préfère ne pas répondre » is offered: null is then a valid answer' }) allowPreferNot: boolean;
  @ApiProperty({ type: RenderedShowIfDto, nullable: true }) showIf: RenderedShowIfDto | null;
}

@ApiSchema({
  name: 'RenderedQuestionnaire',
  description: 'A published questionnaire in one language, missing strings filled from its default language',
})
export class RenderedQuestionnaireDto implements RenderedQuestionnaire {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ example: 'bienvenue-parc-ex' }) slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ example: 'fr', description: 'The language served: the asked one when the questionnaire has it, else its default' })
  language: string;
  @ApiProperty({ type: [String], example: ['fr', 'en', 'ar'] }) languages: string[];
  @ApiProperty({ enum: ['ltr', 'rtl'], enumName: 'TextDirection' }) direction: 'ltr' | 'rtl';
  @ApiProperty({ minimum: 1, description: 'The version to send back with the answers' }) version: number;
  @ApiProperty({
    description: 'Kiosk mode: a shared tablet; the page offers « Nouvelle réponse » and goes back to the start when left idle',
  })
  kiosk: boolean;
  @ApiProperty({ type: [RenderedQuestionDto] }) questions: RenderedQuestionDto[];
}
