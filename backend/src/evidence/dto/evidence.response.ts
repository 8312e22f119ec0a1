import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_MEDIA_TYPES, EVIDENCE_OWNER_KINDS, type EvidenceMediaType, type EvidenceOwnerKind } from '@repere/contract';
import type { EvidenceView } from '../evidence.service';

export class EvidenceDto implements EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_OWNER_KINDS, enumName: 'EvidenceOwnerKind' }) ownerKind: EvidenceOwnerKind;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: Object.keys(EVIDENCE_MEDIA_TYPES), enumName: 'EvidenceMediaType', description: 'Decided from the bytes' })
  mediaType: EvidenceMediaType;
  @ApiProperty({ description: 'The file name it is downloaded under', example: 'compte-rendu-2022-03-12.pdf' }) fileName: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
  @ApiProperty({ description: 'GET it for the file (images and PDFs open in the browser; the rest downloads)' }) url: string;
  @ApiProperty({ type: String, nullable: true, description: "An image's thumbnail (WebP) once the workers have made it" })
  thumbnailUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) addedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who added it (name or email), null once the account is gone' })
  addedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
}
