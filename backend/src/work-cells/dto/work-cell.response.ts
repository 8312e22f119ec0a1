import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE, PageOf, RecordDto, UUID } from '@backend/common/record.response';
import { OrganizationRefDto } from '@backend/organizations/dto/organization.response';
import { NETWORKS, Network } from '@backend/organizations/network';
import type { WorkCellSummary } from '../work-cells.service';

export class ObjectiveRefDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ example: '4.2' }) code: string;
  @ApiProperty() title: string;
}

export class WorkCellSummaryDto implements WorkCellSummary {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ ...UUID, nullable: true }) objectiveId: string | null;
  @ApiProperty({ type: ObjectiveRefDto, nullable: true }) objective: ObjectiveRefDto | null;
  @ApiProperty({ ...UUID, nullable: true, description: "Its objective's plan" }) planId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The objective as written, when it is not one of a plan' }) objectiveText:
    string | null;
  @ApiProperty({ ...DATE, nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The start as written' }) startDateText: string | null;
  @ApiProperty() mandate: string;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: String, nullable: true }) partnersNote: string | null;
  @ApiProperty({ type: 'integer' }) stepsDone: number;
  @ApiProperty({ type: 'integer' }) stepsTotal: number;
  @ApiProperty({ type: 'integer' }) partnerCount: number;
}
export const WorkCellSummaryPageDto = PageOf(WorkCellSummaryDto);

export class WorkStepDto extends RecordDto {
  @ApiProperty(UUID) workCellId: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() text: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'PHASE 1' }) phase: string | null;
  @ApiProperty({ ...DATE, nullable: true }) date: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The day it was done (null when not done)' }) doneOn: string | null;
}

export class PartnershipDto extends RecordDto {
  @ApiProperty(UUID) workCellId: string;
  @ApiProperty(UUID) organizationId: string;
  @ApiProperty({ type: String, enum: NETWORKS, nullable: true, description: 'The network it represents in the cell' })
  network: Network | null;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty({ type: 'integer' }) position: number;
}

export class CellPartnershipDto extends PartnershipDto {
  @ApiPropertyOptional({ type: OrganizationRefDto, nullable: true }) organization: OrganizationRefDto | null;
}

export class WorkCellDto extends WorkCellSummaryDto {
  @ApiProperty({ type: [WorkStepDto] }) steps: WorkStepDto[];
  @ApiProperty({ type: [CellPartnershipDto] }) partnerships: CellPartnershipDto[];
}
