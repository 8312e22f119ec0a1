/** The networks an organization belongs to or represents in a work cell (« Réseau représenté »). */
export const NETWORKS = ['communautaire', 'institutionnel', 'philanthropique', 'concertation_locale', 'bailleur_de_fonds'] as const;
export type Network = (typeof NETWORKS)[number];

/** The longest name, acronym and sector an organization's record takes (the API's DTO and the web app's form). */
export const ORGANIZATION_TEXT_MAX = { name: 300, acronym: 60, sector: 200 } as const;
