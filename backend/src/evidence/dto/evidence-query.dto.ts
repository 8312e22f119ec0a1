import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EVIDENCE_OWNER_KINDS, EVIDENCE_TITLE_MAX, type EvidenceOwnerKind } from '@repere/contract';
import { ArchivedQuery } from '@backend/common/archive';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';

/** The record a file is attached to. */
export class EvidenceOwnerQuery extends ArchivedQuery {
  @ApiProperty({ enum: EVIDENCE_OWNER_KINDS, enumName: 'EvidenceOwnerKind' })
  @IsIn(EVIDENCE_OWNER_KINDS, { message: `ownerKind must be one of: ${EVIDENCE_OWNER_KINDS.join(', ')}` })
  ownerKind: EvidenceOwnerKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  ownerId: string;
}

/** An upload's description, in the query string: the body is the file itself, as for imports. */
export class AddEvidenceQuery {
  @ApiProperty({ enum: EVIDENCE_OWNER_KINDS, enumName: 'EvidenceOwnerKind' })
  @IsIn(EVIDENCE_OWNER_KINDS, { message: `ownerKind must be one of: ${EVIDENCE_OWNER_KINDS.join(', ')}` })
  ownerKind: EvidenceOwnerKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  ownerId: string;

  @ApiProperty({ example: 'Compte rendu de la rencontre du 12 mars 2022', maxLength: EVIDENCE_TITLE_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EVIDENCE_TITLE_MAX)
  title: string;

  @ApiProperty({ example: '2022-03-12', description: 'The date of what the file shows (a meeting, an event)' })
  @IsDateOnly()
  date: string;
}

export class PlanEvidenceQuery extends ArchivedQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  planId?: string;
}
