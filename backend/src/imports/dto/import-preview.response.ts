import { ApiProperty } from '@nestjs/swagger';
import {
  INSTRUMENT_KINDS,
  InstrumentKind,
  Network,
  NETWORKS,
  QUESTION_TYPES,
  QuestionType,
  SCHEDULE_KINDS,
  ScheduleKind,
} from '@repere/contract';
import { DATE, UUID } from '@backend/common/record.response';
import type { PlanCounts } from '../writers/plan-writer';

// What the workers' analysis of each kind of import shows before anything is written (ImportDto.preview): the plan
// service, the work cell service and the responses service build these objects. Documented exactly so the web app's
// types are generated from them, never written by hand.

// ── plan ──

export class PlanPreviewCountsDto implements PlanCounts {
  @ApiProperty({ type: 'integer' }) orientations: number;
  @ApiProperty({ type: 'integer' }) objectives: number;
  @ApiProperty({ type: 'integer' }) actions: number;
  @ApiProperty({ type: 'integer' }) expectedResults: number;
  @ApiProperty({ type: 'integer' }) indicators: number;
  @ApiProperty({ type: 'integer' }) instruments: number;
}

export class PlanPreviewScheduleDto {
  @ApiProperty({ enum: SCHEDULE_KINDS, enumName: 'ScheduleKind' }) kind: ScheduleKind;
  @ApiProperty({ ...DATE, nullable: true }) date: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The recurrence the text names (kind recurrence)' })
  recurrence: string | null;
}

export class PlanPreviewInstrumentDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: INSTRUMENT_KINDS, enumName: 'InstrumentKind', description: 'As the name classifies it' }) kind: InstrumentKind;
}

export class PlanPreviewActionDto {
  @ApiProperty() description: string;
  @ApiProperty({ description: 'As the document words it' }) scheduleText: string;
  @ApiProperty({ type: PlanPreviewScheduleDto, description: 'What the schedule text reads as' }) schedule: PlanPreviewScheduleDto;
  @ApiProperty() resources: string;
  @ApiProperty({ type: [String] }) expectedResults: readonly string[];
  @ApiProperty({ type: [String] }) indicators: readonly string[];
  @ApiProperty({ type: [PlanPreviewInstrumentDto] }) instruments: PlanPreviewInstrumentDto[];
}

export class PlanPreviewObjectiveDto {
  @ApiProperty({ example: '1.1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [PlanPreviewActionDto] }) actions: PlanPreviewActionDto[];
}

export class PlanPreviewOrientationDto {
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [PlanPreviewObjectiveDto] }) objectives: PlanPreviewObjectiveDto[];
}

export class PlanPreviewDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'Null when neither the document nor the options give it' }) startDate: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'Null when neither the document nor the options give it' }) endDate: string | null;
  @ApiProperty({ type: PlanPreviewCountsDto }) counts: PlanPreviewCountsDto;
  @ApiProperty({ type: [PlanPreviewOrientationDto] }) orientations: PlanPreviewOrientationDto[];
}

// ── work cell ──

export class WorkCellPreviewObjectiveDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() planTitle: string;
}

export class WorkCellPreviewStepDto {
  @ApiProperty() text: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, nullable: true }) phase: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The first day of the period the fiche names, when it reads as one' })
  date: string | null;
}

export class ExistingOrganizationDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
}

export class WorkCellPreviewPartnerDto {
  @ApiProperty() organization: string;
  @ApiProperty({ type: String, nullable: true }) acronym: string | null;
  @ApiProperty({ type: String, enum: NETWORKS, nullable: true }) network: Network | null;
  @ApiProperty() sector: string;
  @ApiProperty({ type: ExistingOrganizationDto, nullable: true, description: 'The directory organization it merges with; null: a new one' })
  existing: ExistingOrganizationDto | null;
}

export class WorkCellPreviewCountsDto {
  @ApiProperty({ type: 'integer' }) steps: number;
  @ApiProperty({ type: 'integer' }) partners: number;
  @ApiProperty({ type: 'integer', description: 'Partners not in the directory yet' }) newOrganizations: number;
}

export class WorkCellPreviewDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: "The sub-objective's code the fiche names" }) objectiveCode: string | null;
  @ApiProperty({ type: String, nullable: true }) objectiveText: string | null;
  @ApiProperty({ type: WorkCellPreviewObjectiveDto, nullable: true, description: 'The objective it links to, once found in the plan' })
  objective: WorkCellPreviewObjectiveDto | null;
  @ApiProperty({ ...DATE, nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, nullable: true }) startDateText: string | null;
  @ApiProperty() mandate: string;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: [WorkCellPreviewStepDto] }) steps: WorkCellPreviewStepDto[];
  @ApiProperty({ type: [WorkCellPreviewPartnerDto] }) partners: WorkCellPreviewPartnerDto[];
  @ApiProperty({ type: String, nullable: true }) partnersNote: string | null;
  @ApiProperty({ type: WorkCellPreviewCountsDto }) counts: WorkCellPreviewCountsDto;
}

// ── responses ──

export class ResponsesPreviewQuestionnaireDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ description: "In the questionnaire's default language" }) title: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ResponsesPreviewColumnDto {
  @ApiProperty({ description: 'As the file names it' }) header: string;
  @ApiProperty({ type: String, nullable: true, description: 'A question id, @date, @id, @language or @ignore; null: not matched' })
  target: string | null;
  @ApiProperty({ type: [String], description: 'Its first values' }) sample: string[];
}

export class ResponsesPreviewChoiceDto {
  @ApiProperty({ description: 'The choice code' }) value: string;
  @ApiProperty() label: string;
}

export class ResponsesPreviewQuestionDto {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type: QuestionType;
  @ApiProperty({ type: [ResponsesPreviewChoiceDto] }) choices: ResponsesPreviewChoiceDto[];
}

export class UnmatchedLabelDto {
  @ApiProperty() questionId: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer', description: 'Rows that give it' }) count: number;
}

export class ResponsesPreviewDto {
  @ApiProperty({ type: ResponsesPreviewQuestionnaireDto }) questionnaire: ResponsesPreviewQuestionnaireDto;
  @ApiProperty({ type: 'integer' }) rows: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null while the file has problems: rows are compared once they all read' })
  newRows: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null while the file has problems' }) alreadyImported: number | null;
  @ApiProperty({ type: [ResponsesPreviewColumnDto] }) columns: ResponsesPreviewColumnDto[];
  @ApiProperty({ type: [ResponsesPreviewQuestionDto] }) questions: ResponsesPreviewQuestionDto[];
  @ApiProperty({ type: [UnmatchedLabelDto], description: 'Labels no choice matched: the options may map them' })
  unmatchedLabels: UnmatchedLabelDto[];
  @ApiProperty({ type: String, nullable: true, description: "The earliest answer's time, YYYY-MM-DD HH:MM:SS as the file gives it" })
  firstDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The latest answer's time, YYYY-MM-DD HH:MM:SS" }) lastDate: string | null;
}
