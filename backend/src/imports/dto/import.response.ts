import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PageOf, RecordDto, UUID } from '@backend/common/record.response';
import type { ImportProblem } from '../import-problem';
import type { ImportProgress, ImportResult } from '../import.entity';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, ImportFormat, ImportKind, ImportStatus } from '../import-kind';
import { PlanImportOptionsDto, ResponsesImportOptionsDto, WorkCellImportOptionsDto } from './import-options.response';
import { PlanPreviewDto, ResponsesPreviewDto, WorkCellPreviewDto } from './import-preview.response';

export class ImportProgressDto implements ImportProgress {
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class ImportProblemDto implements ImportProblem {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The row of the file (1 is the first), when it is about one' }) row:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The column, as the file names it' }) column: string | null;
  @ApiProperty({ example: 'unknown_organization' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params?: Record<string, string | number>;
}

export class ImportResultDto implements ImportResult {
  @ApiPropertyOptional({ ...UUID, description: 'The plan written (kind plan)' }) planId?: string;
  @ApiPropertyOptional({ ...UUID, description: 'The work cell written (kind work-cell)' }) workCellId?: string;
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) skipped: number;
}

// Options and preview differ by kind: the kind says which of each alternative the import carries.
@ApiExtraModels(
  PlanImportOptionsDto,
  WorkCellImportOptionsDto,
  ResponsesImportOptionsDto,
  PlanPreviewDto,
  WorkCellPreviewDto,
  ResponsesPreviewDto,
)
export class ImportDto extends RecordDto {
  @ApiProperty({ enum: IMPORT_KINDS, enumName: 'ImportKind' }) kind: ImportKind;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'ImportStatus' }) status: ImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty({ type: String, enum: IMPORT_FORMATS, nullable: true, description: 'Null until analysed' }) format: ImportFormat | null;
  @ApiProperty({ type: 'integer', description: 'Raised by each change of options: a preview of an older generation is stale' })
  generation: number;
  @ApiProperty({
    // anyOf, not oneOf: every option is optional, so `{}` or a plan's `{ title }` reads as more than one of them.
    anyOf: [PlanImportOptionsDto, WorkCellImportOptionsDto, ResponsesImportOptionsDto].map((model) => ({ $ref: getSchemaPath(model) })),
    description: 'The options given (PATCH), by kind: plan, work-cell, responses',
  })
  options: PlanImportOptionsDto | WorkCellImportOptionsDto | ResponsesImportOptionsDto;
  @ApiProperty({ type: ImportProgressDto, nullable: true }) progress: ImportProgressDto | null;
  @ApiProperty({
    // OpenAPI 3.0 has no null type, and Nest drops a `type` beside oneOf: `nullable` sits on the last alternative
    // (a nullable object that is the responses' preview), as in ANY_VALUE.
    oneOf: [
      { $ref: getSchemaPath(PlanPreviewDto) },
      { $ref: getSchemaPath(WorkCellPreviewDto) },
      { type: 'object', nullable: true, allOf: [{ $ref: getSchemaPath(ResponsesPreviewDto) }] },
    ],
    description: 'What would be written, by kind (plan, work-cell, responses); null in lists and until analysed',
  })
  preview: PlanPreviewDto | WorkCellPreviewDto | ResponsesPreviewDto | null;
  @ApiProperty({ type: [ImportProblemDto], description: 'The first problems found (problemCount counts them all)' })
  problems: ImportProblemDto[];
  @ApiProperty({ type: 'integer' }) problemCount: number;
  @ApiProperty({ type: ImportResultDto, nullable: true }) result: ImportResultDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error: string | null;
  @ApiProperty({ ...UUID, nullable: true }) createdById: string | null;
}
export const ImportPageDto = PageOf(ImportDto);
