import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import {
  EVIDENCE_MEDIA_TYPES,
  EVIDENCE_OWNER_KINDS,
  type EvidenceItem,
  type EvidenceMediaType,
  type EvidenceOwnerKind,
} from '@repere/contract';

export class IndicatorEvidenceQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-06-30T23:59:59-04:00',
    description: 'The evidence as it stood at this instant: added by then and not removed by then (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class IndicatorEvidenceDto implements EvidenceItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', description: 'The date of what it shows (a meeting, an event)' }) date: string;
  @ApiProperty({ enum: Object.keys(EVIDENCE_MEDIA_TYPES), enumName: 'EvidenceMediaType' }) mediaType: EvidenceMediaType;
  @ApiProperty({
    enum: EVIDENCE_OWNER_KINDS,
    enumName: 'EvidenceOwnerKind',
    description: "What it is attached to: one of the indicator's manual values, counts, instruments or steps, or its action",
  })
  ownerKind: EvidenceOwnerKind;
  @ApiProperty({ description: 'GET it for the file' }) url: string;
}
