import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, RecordDto, UUID } from '@backend/common/record.response';
import type { ImportProblem } from '../import-problem';
import type { ImportProgress, ImportResult } from '../import.entity';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, ImportFormat, ImportKind, ImportStatus } from '../import-kind';

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

export class ImportDto extends RecordDto {
  @ApiProperty({ enum: IMPORT_KINDS, enumName: 'ImportKind' }) kind: ImportKind;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'ImportStatus' }) status: ImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty({ type: String, enum: IMPORT_FORMATS, nullable: true, description: 'Null until analysed' }) format: ImportFormat | null;
  @ApiProperty({ type: 'integer', description: 'Raised by each change of options: a preview of an older generation is stale' })
  generation: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The options given (PATCH)' }) options: Record<string, unknown>;
  @ApiProperty({ type: ImportProgressDto, nullable: true }) progress: ImportProgressDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What would be written, by kind; null in lists and until analysed',
  })
  preview: Record<string, unknown> | null;
  @ApiProperty({ type: [ImportProblemDto], description: 'The first problems found (problemCount counts them all)' })
  problems: ImportProblemDto[];
  @ApiProperty({ type: 'integer' }) problemCount: number;
  @ApiProperty({ type: ImportResultDto, nullable: true }) result: ImportResultDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error: string | null;
  @ApiProperty({ ...UUID, nullable: true }) createdById: string | null;
}
export const ImportPageDto = PageOf(ImportDto);
