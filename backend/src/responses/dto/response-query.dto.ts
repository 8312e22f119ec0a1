import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { LANGUAGE_CODE } from '@repere/contract';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { PageQueryDto } from '@backend/common/pagination.dto';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The languages an export's headings and notice are written in (and, for a CSV, its reader's convention). */
export const EXPORT_LANGUAGES = ['fr', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of: ${values.join(', ')}` });

/** Which of a questionnaire's responses to read: by day answered, version, language, or answer to one question. */
export class ResponseFilterDto {
  @ApiPropertyOptional({ example: '2024-01-01', description: "First day answered, in the plan's time zone" })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2024-12-31', description: "Last day answered, in the plan's time zone" })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only responses to this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  version?: number;

  @ApiPropertyOptional({ example: 'fr', description: 'Only responses given in this language' })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE_CODE, { message: 'language must be a language code such as fr' })
  language?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only responses that answered this question (with `answer`: that answer)' })
  @IsOptional()
  @IsUUID('all', { message: 'questionId must be a question id (UUID)' })
  questionId?: string;

  @ApiPropertyOptional({
    example: 'yes',
    description: 'With `questionId`: a choice code (one of the codes, for several choices), true/false, a number or a text',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  answer?: string;
}

export class ResponseQueryDto extends IntersectionType(PageQueryDto, ResponseFilterDto) {}

export class ResponseExportQueryDto extends ResponseFilterDto {
  @ApiProperty({ enum: EXPORT_FORMATS, example: 'csv' })
  @IsIn(EXPORT_FORMATS, oneOf('format', EXPORT_FORMATS))
  format: ExportFormat;

  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    default: 'fr',
    description: 'Headings and notice; a French CSV uses ; and decimal commas, an English one , and points',
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, oneOf('lang', EXPORT_LANGUAGES))
  lang?: ExportLanguage;
}
