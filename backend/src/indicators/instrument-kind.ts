// « Suivis »: declared once in @repere/contract.
export { INSTRUMENT_KINDS, type InstrumentKind } from '@repere/contract';
