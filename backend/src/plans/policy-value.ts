// The policy's values and principles (PRDS de Laval): declared once in @repere/contract.
export { POLICY_VALUES, type PolicyValue } from '@repere/contract';
