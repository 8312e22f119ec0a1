import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ArchivedQuery } from '@backend/common/archive';
import { DIMENSIONS } from '@backend/indicators/indicator-kind';
import { PlanPartQueryDto } from '@backend/plans/dto/orientation.dto';
import { QUESTION_TYPES, type Question, type Translations } from '../question.types';
import { SLUG } from '../questionnaire-content';
import { CHOICE_CODE, LANGUAGE_CODE, MAX_QUESTIONS } from '../validate-questions';

// The questions themselves are checked by validateQuestions (the rules need the questionnaire's languages and
// the questions before each one); these classes describe them for OpenAPI and check the envelope.

const TRANSLATIONS = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 2000 },
  example: { fr: 'Avez-vous aimé la journée ?', en: 'Did you enjoy the day?' },
} as const;
const INSTANT = { type: 'string', format: 'date-time', nullable: true, example: '2025-08-23T09:00:00-04:00' } as const;

class ChoiceSchema {
  @ApiProperty({ pattern: CHOICE_CODE.source, example: 'yes', description: 'Stable across versions and languages: what answers store' })
  code: string;
  @ApiProperty(TRANSLATIONS) label: Translations;
}

class ShowIfSchema {
  @ApiProperty({ format: 'uuid', description: 'An earlier question' }) questionId: string;
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'number' }] },
    description: 'Shown when the earlier answer is (or, for multiple choice, contains) one of these',
  })
  anyOf: (string | boolean | number)[];
}

export class QuestionSchema {
  @ApiPropertyOptional({ format: 'uuid', description: 'Kept across versions; generated when omitted' }) id: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: string;
  @ApiProperty({ default: false }) required: boolean;
  @ApiProperty({ ...TRANSLATIONS, description: 'Required in the default language' }) label: Translations;
  @ApiPropertyOptional(TRANSLATIONS) help?: Translations;
  @ApiPropertyOptional({ type: [ChoiceSchema], description: 'single_choice and multiple_choice only; codes unique' })
  choices?: ChoiceSchema[];
  @ApiPropertyOptional({ type: 'number', nullable: true, description: 'scale (integer, required) and number (optional)' }) min?:
    number | null;
  @ApiPropertyOptional({ type: 'number', nullable: true, description: 'scale (integer > min, required) and number (optional, ≥ min)' })
  max?: number | null;
  @ApiPropertyOptional({ ...TRANSLATIONS, description: 'scale only' }) minLabel?: Translations;
  @ApiPropertyOptional({ ...TRANSLATIONS, description: 'scale only' }) maxLabel?: Translations;
  @ApiPropertyOptional({ type: ShowIfSchema, nullable: true }) showIf?: ShowIfSchema | null;
  @ApiPropertyOptional({ description: '« Je préfère ne pas répondre » is offered' }) allowPreferNot?: boolean;
  @ApiPropertyOptional({
    enum: DIMENSIONS,
    nullable: true,
    description: 'ADS+ dimension its answers break indicators down by (choice or yes/no questions, one question per dimension)',
  })
  dimension?: string | null;
}

export class CreateQuestionnaireDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  planId: string;

  @ApiPropertyOptional({ format: 'uuid', description: "An instrument of the plan of kind 'questionnaire'; one is created when omitted" })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;

  @ApiPropertyOptional({
    pattern: SLUG.source,
    example: 'bienvenue-parc-ex',
    description: 'The public link /q/{slug}; made from the title when omitted',
  })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'slug must be 3 to 80 lower-case letters, digits and hyphens, not starting or ending with a hyphen' })
  slug?: string;

  @ApiProperty({ ...TRANSLATIONS, description: 'Required in the default language' })
  @IsObject()
  title: Translations;

  @ApiPropertyOptional(TRANSLATIONS)
  @IsOptional()
  @IsObject()
  description?: Translations;

  @ApiProperty({ example: 'fr' })
  @IsString()
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a language code of 2 or 3 lower-case letters (fr, en, ar…)' })
  defaultLanguage: string;

  @ApiProperty({ type: [String], example: ['fr', 'en', 'ar'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  languages: string[];

  @ApiPropertyOptional({ type: [QuestionSchema], maxItems: MAX_QUESTIONS })
  @IsOptional()
  @IsArray()
  questions?: Question[];

  @ApiPropertyOptional({
    default: false,
    description: 'Kiosk mode: one shared tablet, one resident after another (« Nouvelle réponse », back to the start after 20 s idle)',
  })
  // Absent leaves it as it is; null is not « off » but a mistake, refused like any other non-boolean.
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  kiosk?: boolean;
}

/** Edits the working copy; residents see it once it is published. */
export class UpdateQuestionnaireDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "An instrument of the same plan of kind 'questionnaire', or null",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  instrumentId?: string | null;

  @ApiPropertyOptional(TRANSLATIONS)
  @IsOptional()
  @IsObject()
  title?: Translations;

  @ApiPropertyOptional({ ...TRANSLATIONS, nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsObject()
  description?: Translations | null;

  @ApiPropertyOptional({ example: 'fr' })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a language code of 2 or 3 lower-case letters (fr, en, ar…)' })
  defaultLanguage?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['fr', 'en', 'ar'],
    description: 'Strings of a language taken out are dropped from what is stored',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: [QuestionSchema], maxItems: MAX_QUESTIONS, description: 'The whole list, in order' })
  @IsOptional()
  @IsArray()
  questions?: Question[];

  @ApiPropertyOptional(INSTANT)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  opensAt?: string | null;

  @ApiPropertyOptional(INSTANT)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  closesAt?: string | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Kiosk mode: one shared tablet, one resident after another (applies at once, like the dates; « Nouvelle réponse », back to the start after 20 s idle)',
  })
  // Absent leaves it as it is; null is not « off » but a mistake, refused like any other non-boolean.
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  kiosk?: boolean;
}

export class PublishQuestionnaireDto {
  @ApiPropertyOptional({ ...INSTANT, description: 'Residents may answer from then (null: at once)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  opensAt?: string | null;

  @ApiPropertyOptional({ ...INSTANT, description: 'Residents may answer until then (null: until closed)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  closesAt?: string | null;
}

export class QuestionnaireQueryDto extends IntersectionType(PlanPartQueryDto, ArchivedQuery) {}

export class QrQueryDto {
  @ApiPropertyOptional({ example: 'ar', description: 'Preselects this language of the questionnaire on the page the code opens' })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE_CODE, { message: 'lang must be a language code of 2 or 3 lower-case letters' })
  lang?: string;
}
