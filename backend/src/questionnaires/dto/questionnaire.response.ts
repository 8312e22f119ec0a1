import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArchivableRecordDto, INSTANT, PageOf, TRANSLATIONS, UUID } from '@backend/common/record.response';
import { ANSWER_CODE } from '@backend/indicators/dto/indicator.response';
import { DIMENSIONS, Dimension } from '@backend/indicators/indicator-kind';
import { QUESTION_TYPES, QuestionType, type Choice, type Question, type ShowIf, type Translations } from '../question.types';
import { QUESTIONNAIRE_STATUSES, QuestionnaireStatus } from '../questionnaire.entity';
import type { VersionSummary } from '../questionnaires.service';

// Questionnaires as staff read them (the working copy with every translation). What residents read is the public
// route's (public-questionnaires.controller.ts).

export class ChoiceDto implements Choice {
  @ApiProperty({ example: 'yes', description: 'Stable across versions and languages: what answers store' }) code: string;
  @ApiProperty(TRANSLATIONS) label: Translations;
}

export class ShowIfDto implements ShowIf {
  @ApiProperty(UUID) questionId: string;
  @ApiProperty({ type: 'array', items: ANSWER_CODE, description: 'Shown when the earlier answer is (or contains) one of these' })
  anyOf: (string | boolean | number)[];
}

export class QuestionDto implements Question {
  @ApiProperty({ ...UUID, description: 'The same across versions while its meaning is' }) id: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type: QuestionType;
  @ApiProperty() required: boolean;
  @ApiProperty(TRANSLATIONS) label: Translations;
  @ApiPropertyOptional(TRANSLATIONS) help?: Translations;
  @ApiPropertyOptional({ type: [ChoiceDto] }) choices?: ChoiceDto[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Bounds of scale and number questions' }) min?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) max?: number | null;
  @ApiPropertyOptional(TRANSLATIONS) minLabel?: Translations;
  @ApiPropertyOptional(TRANSLATIONS) maxLabel?: Translations;
  @ApiPropertyOptional({ type: ShowIfDto, nullable: true }) showIf?: ShowIfDto | null;
  @ApiPropertyOptional({ description: '« Je préfère ne pas répondre » is offered: null is then a valid answer' }) allowPreferNot?: boolean;
  @ApiPropertyOptional({ type: String, enum: DIMENSIONS, nullable: true, description: 'An ADS+ question' }) dimension?: Dimension | null;
}

export class QuestionnaireListItemDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ description: 'In the default language' }) title: string;
  @ApiProperty({ enum: QUESTIONNAIRE_STATUSES, enumName: 'QuestionnaireStatus' }) status: QuestionnaireStatus;
  @ApiProperty({ type: [String], example: ['fr', 'en', 'ar'] }) languages: string[];
  @ApiProperty({ example: 'fr' }) defaultLanguage: string;
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ ...UUID, nullable: true }) instrumentId: string | null;
  @ApiProperty({ type: 'integer', description: 'The version residents answer; 0 before the first publication' }) currentVersion: number;
  @ApiProperty({ ...INSTANT, nullable: true }) opensAt: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) closesAt: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) archivedAt: Date | null;
}
export const QuestionnaireListItemPageDto = PageOf(QuestionnaireListItemDto);

export class VersionSummaryDto implements VersionSummary {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Below evaluator: as published (null from 1 to k − 1 responses)' })
  responseCount: number | null;
}

export class QuestionnaireDto extends ArchivableRecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ ...UUID, nullable: true }) instrumentId: string | null;
  @ApiProperty({ example: 'bienvenue-parc-ex' }) slug: string;
  @ApiProperty(TRANSLATIONS) title: Translations;
  @ApiProperty(TRANSLATIONS) description: Translations;
  @ApiProperty({ example: 'fr' }) defaultLanguage: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [QuestionDto], description: 'The working copy' }) questions: QuestionDto[];
  @ApiProperty({ enum: QUESTIONNAIRE_STATUSES, enumName: 'QuestionnaireStatus' }) status: QuestionnaireStatus;
  @ApiProperty({ ...INSTANT, nullable: true }) opensAt: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) closesAt: Date | null;
  @ApiProperty({ type: 'integer' }) currentVersion: number;
  @ApiProperty({ description: 'Kiosk mode: one shared tablet, one resident after another' }) kiosk: boolean;
  @ApiProperty({ format: 'uri', description: "The residents' page (/q/{slug})" }) publicUrl: string;
  @ApiProperty({ description: 'Whether publishing now would change what residents see' }) hasUnpublishedChanges: boolean;
  @ApiProperty({ type: [VersionSummaryDto] }) versions: VersionSummaryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Per language but the default, the paths of the strings it lacks',
    example: { en: ['questions.2.label'] },
  })
  missingTranslations: Record<string, string[]>;
}
