import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../render/report-input';
import { REPORT_STATES, ReportState } from '../report.entity';

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of: ${values.join(', ')}` });

/** The earliest and latest years an activity report can be asked for (the plan's own years are checked after). */
export const FIRST_REPORT_YEAR = 1900;
export const LAST_REPORT_YEAR = 2999;

export class ReportLanguageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'fr', description: 'The language the report is written in' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, oneOf('lang', REPORT_LANGUAGES))
  lang?: ReportLanguage;
}

export class RequestEvaluationReportDto {
  @ApiProperty({ enum: REPORT_FORMATS, example: 'pdf' })
  @IsIn(REPORT_FORMATS, oneOf('format', REPORT_FORMATS))
  format: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'fr' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, oneOf('language', REPORT_LANGUAGES))
  language?: ReportLanguage;
}

export class RequestActivityReportDto {
  @ApiProperty({ example: 2022, description: 'A year the plan runs in' })
  @IsInt({ message: 'year must be a whole number' })
  @Min(FIRST_REPORT_YEAR, { message: `year must not be before ${FIRST_REPORT_YEAR}` })
  @Max(LAST_REPORT_YEAR, { message: `year must not be after ${LAST_REPORT_YEAR}` })
  year: number;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'fr' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, oneOf('language', REPORT_LANGUAGES))
  language?: ReportLanguage;
}

/** A report request's answer (202): where it stands; GET /api/reports/{id} follows it. */
export class ReportRequestedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  /** The same id, under the name the report.{pdf,xlsx,csv} routes' 202 gives it. */
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ enum: REPORT_STATES }) state: ReportState;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
}

export class ReportStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['evaluation', 'activity'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) evaluationId: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) year: number | null;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: ReportLanguage;
  @ApiProperty({ enum: REPORT_STATES }) state: ReportState;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ description: 'Why the rendering failed (state failed), or why it is being retried' }) error?: string;
  @ApiProperty({ example: 'evaluation-mi-parcours-plan-d-action-2021-2023-2022-09-30.pdf' }) fileName: string;
  @ApiProperty({ type: String, nullable: true, example: '/api/reports/…/file', description: 'Where to download the file, once ready' })
  downloadUrl: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
