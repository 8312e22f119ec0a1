/** The networks an organization belongs to or represents in a work cell (« Réseau représenté »). */
export const NETWORKS = ['communautaire', 'institutionnel', 'philanthropique', 'concertation_locale', 'bailleur_de_fonds'] as const;
export type Network = (typeof NETWORKS)[number];
