import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE, UUID } from '@backend/common/record.response';
import type { PlanImportOptions } from '../plan-table/plan-import.service';
import type { ResponsesImportOptions } from '../responses/row-reader';
import type { WorkCellImportOptions } from '../work-cell-fiche/work-cell-import.service';

// The options an import holds (ImportDto.options), by kind: what the services read them as. PATCH takes the same
// fields (ImportOptionsDto), but a responses import's questionnaire, chosen at the upload, never changes.

export class PlanImportOptionsDto implements PlanImportOptions {
  @ApiPropertyOptional({ description: "The title (default: the document's)" }) title?: string;
  @ApiPropertyOptional({ description: 'The organization that carries it' }) ownerName?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional(DATE) startDate?: string;
  @ApiPropertyOptional(DATE) endDate?: string;
}

export class WorkCellImportOptionsDto implements WorkCellImportOptions {
  @ApiPropertyOptional({ ...UUID, description: "The plan whose objective the fiche's sub-objective code names" }) planId?: string;
  @ApiPropertyOptional({ description: "Another name than the fiche's" }) name?: string;
}

export class ResponsesImportOptionsDto implements ResponsesImportOptions {
  @ApiProperty({ ...UUID, description: 'Chosen at the upload' }) questionnaireId: string;
  @ApiPropertyOptional({
    description: 'Column header → question id, @date, @id, @language or @ignore',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  columns?: Record<string, string>;
  @ApiPropertyOptional({
    description: 'Question id → { label in the file → choice code }',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
  })
  choices?: Record<string, Record<string, string>>;
}
