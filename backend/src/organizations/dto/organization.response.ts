import { ApiProperty } from '@nestjs/swagger';
import { ArchivableRecordDto, PageOf, UUID } from '@backend/common/record.response';
import type { OrganizationRef } from '@backend/plans/action.view';
import { NETWORKS, Network } from '../network';

export class OrganizationDto extends ArchivableRecordDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) acronym: string | null;
  @ApiProperty({ description: 'Lower-case, accent-free name: two organizations never share it' }) nameKey: string;
  @ApiProperty({ type: String, enum: NETWORKS, nullable: true }) network: Network | null;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
}

export const OrganizationPageDto = PageOf(OrganizationDto);

/** An organization named by another record. */
export class OrganizationRefDto implements OrganizationRef {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) acronym: string | null;
}
