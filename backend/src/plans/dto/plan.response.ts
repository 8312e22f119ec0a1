import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArchivableRecordDto, DATE, PageOf, RecordDto, UUID } from '@backend/common/record.response';
import { OrganizationDto, OrganizationRefDto } from '@backend/organizations/dto/organization.response';
import { InstrumentDto, IndicatorDto } from '@backend/indicators/dto/indicator.response';
import { POLICY_VALUES, PolicyValue } from '../policy-value';
import { SCHEDULE_KINDS, ScheduleKind } from '../schedule-kind';
import type { ActionView } from '../action.view';

// Plans and their parts as the API answers them (the entities, the action's view, the nested tree).

export class PlanDto extends ArchivableRecordDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ ...UUID, nullable: true }) ownerOrganizationId: string | null;
  @ApiPropertyOptional({ type: OrganizationDto, nullable: true, description: 'Given by reads (not by a create)' })
  ownerOrganization?: OrganizationDto | null;
  @ApiProperty(DATE) startDate: string;
  @ApiProperty(DATE) endDate: string;
  @ApiProperty({ ...DATE, description: 'The mid-term evaluation date (the midpoint unless given)' }) midtermDate: string;
  @ApiProperty({ example: 'America/Toronto', description: "IANA zone: the plan's « today », cut-offs and months" }) timeZone: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'The first day whose data count (startDate when null)' }) dataFrom: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The last day whose data count (endDate when null)' }) dataUntil: string | null;
}
export const PlanPageDto = PageOf(PlanDto);

export class OrientationDto extends RecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) position: number;
}
export const OrientationPageDto = PageOf(OrientationDto);

export class ObjectiveDto extends RecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty(UUID) orientationId: string;
  @ApiProperty({ ...UUID, nullable: true, description: 'The objective it is a sub-objective of' }) parentId: string | null;
  @ApiProperty({ example: '4.1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) position: number;
}
export const ObjectivePageDto = PageOf(ObjectiveDto);

export class ExpectedResultDto extends RecordDto {
  @ApiProperty(UUID) planId: string;
  @ApiProperty(UUID) objectiveId: string;
  @ApiProperty({ ...UUID, nullable: true }) actionId: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'integer' }) position: number;
}
export const ExpectedResultPageDto = PageOf(ExpectedResultDto);

export class ScheduleDto {
  @ApiProperty({ enum: SCHEDULE_KINDS, enumName: 'ScheduleKind' }) kind: ScheduleKind;
  @ApiProperty({ ...DATE, nullable: true }) date: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'FREQ=YEARLY;BYMONTH=8', description: 'An RRULE body (kind recurrence)' })
  recurrence: string | null;
  @ApiProperty({ example: 'Annuel – août', description: 'The schedule as written' }) text: string;
}

export class ActionDto implements ActionView {
  @ApiProperty(UUID) id: string;
  @ApiProperty(UUID) planId: string;
  @ApiProperty(UUID) objectiveId: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() description: string;
  @ApiProperty({ type: ScheduleDto }) schedule: ScheduleDto;
  @ApiProperty({ type: String, nullable: true, description: 'Who carries it, as written' }) resources: string | null;
  @ApiProperty({ enum: POLICY_VALUES, enumName: 'PolicyValue', isArray: true }) values: PolicyValue[];
  @ApiProperty({ type: [OrganizationRefDto] }) responsibleOrganizations: OrganizationRefDto[];
}
export const ActionPageDto = PageOf(ActionDto);

export class ActionNodeDto extends ActionDto {
  @ApiProperty({ type: [ExpectedResultDto] }) expectedResults: ExpectedResultDto[];
  @ApiProperty({ type: [IndicatorDto] }) indicators: IndicatorDto[];
  @ApiProperty({ type: [InstrumentDto] }) instruments: InstrumentDto[];
}

export class ObjectiveNodeDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ ...UUID, nullable: true }) parentId: string | null;
  @ApiProperty({ type: () => [ObjectiveNodeDto], description: 'Its sub-objectives' }) objectives: ObjectiveNodeDto[];
  @ApiProperty({ type: [ActionNodeDto] }) actions: ActionNodeDto[];
  @ApiProperty({ type: [ExpectedResultDto], description: 'Those of no action' }) expectedResults: ExpectedResultDto[];
  @ApiProperty({ type: [IndicatorDto], description: 'Those of no action' }) indicators: IndicatorDto[];
}

export class OrientationNodeDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ type: [ObjectiveNodeDto] }) objectives: ObjectiveNodeDto[];
}

export class PlanTreeDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: OrganizationRefDto, nullable: true }) ownerOrganization: OrganizationRefDto | null;
  @ApiProperty(DATE) startDate: string;
  @ApiProperty(DATE) endDate: string;
  @ApiProperty(DATE) midtermDate: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ ...DATE, nullable: true }) dataFrom: string | null;
  @ApiProperty({ ...DATE, nullable: true }) dataUntil: string | null;
  @ApiProperty({ type: [OrientationNodeDto] }) orientations: OrientationNodeDto[];
  @ApiProperty({ type: [InstrumentDto], description: 'Every instrument of the plan' }) instruments: InstrumentDto[];
}
