import { IndicatorComputation } from '@backend/aggregation/indicator-computation.entity';
import { IndicatorMonth } from '@backend/aggregation/indicator-month.entity';
import { ResponseChange } from '@backend/aggregation/response-change.entity';
import { IndicatorValue } from '@backend/aggregation/indicator-value.entity';
import { Assessment } from '@backend/evaluations/assessment.entity';
import { EvaluationEvent } from '@backend/evaluations/evaluation-event.entity';
import { Evaluation } from '@backend/evaluations/evaluation.entity';
import { ImportChunk } from '@backend/imports/import-chunk.entity';
import { Import } from '@backend/imports/import.entity';
import { Indicator } from '@backend/indicators/indicator.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Organization } from '@backend/organizations/organization.entity';
import { Action } from '@backend/plans/action.entity';
import { ExpectedResult } from '@backend/plans/expected-result.entity';
import { EvidenceFile } from '@backend/evidence/evidence-file.entity';
import { Objective } from '@backend/plans/objective.entity';
import { Orientation } from '@backend/plans/orientation.entity';
import { Plan } from '@backend/plans/plan.entity';
import { ParticipationCountRevision } from '@backend/participation/participation-count-revision.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Report } from '@backend/reports/report.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { Response } from '@backend/responses/response.entity';
import { UserInvitation } from '@backend/users/user-invitation.entity';
import { User } from '@backend/users/user.entity';
import { Partnership } from '@backend/work-cells/partnership.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { WorkStep } from '@backend/work-cells/work-step.entity';

/** Listed, not globbed: globs break once the code is bundled or run from another folder. */
export const ENTITIES = [
  Organization,
  User,
  UserInvitation,
  Plan,
  Orientation,
  Objective,
  Action,
  ExpectedResult,
  Indicator,
  Instrument,
  WorkCell,
  WorkStep,
  Partnership,
  Questionnaire,
  QuestionnaireVersion,
  Response,
  ParticipationCount,
  ParticipationCountRevision,
  ManualValue,
  IndicatorValue,
  IndicatorComputation,
  IndicatorMonth,
  ResponseChange,
  Evaluation,
  Assessment,
  EvaluationEvent,
  Report,
  Import,
  ImportChunk,
  EvidenceFile,
];
