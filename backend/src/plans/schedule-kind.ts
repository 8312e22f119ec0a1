// « Échéancier »'s kinds: declared once in @repere/contract.
export { SCHEDULE_KINDS, type ScheduleKind } from '@repere/contract';
