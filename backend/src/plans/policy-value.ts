/** The values and principles of the policy an action serves (PRDS de Laval, « Valeurs et principes »). */
export const POLICY_VALUES = [
  'accessibilite_universelle',
  'creativite_innovation',
  'developpement_durable',
  'equite',
  'inclusion_integration',
  'pouvoir_agir',
  'solidarite',
] as const;
export type PolicyValue = (typeof POLICY_VALUES)[number];
