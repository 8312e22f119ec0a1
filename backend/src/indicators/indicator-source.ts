// Where an indicator's value comes from, by kind: declared once in @repere/contract (the web app edits it too).
export type { IndicatorSource, RatioPart } from '@repere/contract';
