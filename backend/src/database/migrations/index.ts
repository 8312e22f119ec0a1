import { InitialSchema1795450090399 } from './1795450090399-InitialSchema';
import { QuestionnairesResponsesParticipation1795451616882 } from './1795451616882-QuestionnairesResponsesParticipation';
import { IndicatorValues1795452650754 } from './1795452650754-IndicatorValues';
import { ResponseChangesIndicatorMonths1795462795045 } from './1795462795045-ResponseChangesIndicatorMonths';
import { ResponsesAnsweredMonth1795955401220 } from './1795955401220-ResponsesAnsweredMonth';
import { ResponseCodes1795956864656 } from './1795956864656-ResponseCodes';
import { Evaluations1795959469769 } from './1795959469769-Evaluations';
import { Reports1795959814195 } from './1795959814195-Reports';
import { Imports1795966165373 } from './1795966165373-Imports';
import { PlanTimeZones1796000000000 } from './1796000000000-PlanTimeZones';
import { DisclosureControl1796100000000 } from './1796100000000-DisclosureControl';
import { DeploymentSecrets1796200000000 } from './1796200000000-DeploymentSecrets';
import { SessionRevocation1796300000000 } from './1796300000000-SessionRevocation';
import { AuditTrail1796400000000 } from './1796400000000-AuditTrail';
import { Archive1796500000000 } from './1796500000000-Archive';
import { AuditPlan1796600000000 } from './1796600000000-AuditPlan';
import { CompactResponses1796700000000 } from './1796700000000-CompactResponses';
import { UserInvitations1796800000000 } from './1796800000000-UserInvitations';
import { QuestionnaireKiosk1796900000000 } from './1796900000000-QuestionnaireKiosk';
import { EvidenceFiles1797000000000 } from './1797000000000-EvidenceFiles';
import { EvidenceOfInstruments1797100000000 } from './1797100000000-EvidenceOfInstruments';
import { WorkStepDoneOn1797200000000 } from './1797200000000-WorkStepDoneOn';
import { IndicatorNotes1797300000000 } from './1797300000000-IndicatorNotes';

/** Every migration, in order. Generated with `npm run migration:generate -- backend/src/database/migrations/<Name>`. */
export const MIGRATIONS = [
  InitialSchema1795450090399,
  QuestionnairesResponsesParticipation1795451616882,
  IndicatorValues1795452650754,
  ResponseChangesIndicatorMonths1795462795045,
  ResponsesAnsweredMonth1795955401220,
  ResponseCodes1795956864656,
  Evaluations1795959469769,
  Reports1795959814195,
  Imports1795966165373,
  PlanTimeZones1796000000000,
  DisclosureControl1796100000000,
  DeploymentSecrets1796200000000,
  SessionRevocation1796300000000,
  AuditTrail1796400000000,
  Archive1796500000000,
  AuditPlan1796600000000,
  CompactResponses1796700000000,
  UserInvitations1796800000000,
  QuestionnaireKiosk1796900000000,
  EvidenceFiles1797000000000,
  EvidenceOfInstruments1797100000000,
  WorkStepDoneOn1797200000000,
  IndicatorNotes1797300000000,
];
