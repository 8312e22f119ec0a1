import { DemoPlan } from './demo-data.types';

// The plan the Laval work cells serve. The fiches only show two of its sub-objectives; the plan's other
// orientations and objectives are not in the seeds and are left out rather than invented.
// The fiches name 3.2.1 in two wordings (seeds 000 and 002); the title keeps seed 000's, and each work
// cell keeps its own wording in objectiveText.
export const LAVAL_PRDS_PLAN: DemoPlan = {
  title: "Plan d'action de la Politique régionale de développement social de Laval (PRDS)",
  description:
    "Plan d'action de la Politique régionale de développement social de Laval, mis en œuvre par des cellules de travail intersectorielles et multiréseau.",
  owner: { name: 'Ville de Laval' },
  // The earliest work cell starts on 5 June 2019 (Cellule 4.2).
  startDate: '2019-06-05',
  // The seeds do not state when the plan ends: this end date is demo data, not the PRDS's.
  endDate: '2025-12-31',
  orientations: [
    {
      number: 3,
      // Seed 004 names orientation 3; no seed names orientation 4.
      title: 'Soutenir l’intégration et l’inclusion des personnes en situation de vulnérabilité ou à risque de l’être',
      objectives: [
        {
          code: '3.2.1',
          title:
            'Développer et formaliser des mécanismes de références fluides et des pratiques collaboratives intersectorielles et multiréseau',
          actions: [],
        },
      ],
    },
    {
      number: 4,
      // No seed gives orientation 4's wording (fiche 001 names its sub-objective 4.2 only): the title says so rather
      // than repeating « Orientation 4 » (shown « Orientation 4 : Orientation 4 ») or inventing the PRDS's words.
      title: 'Intitulé absent des fiches de la PRDS (voir le sous-objectif 4.2)',
      objectives: [
        {
          code: '4.2',
          title:
            'Favoriser la concertation intersectorielle et multiréseau pour répondre de manière intégrée aux besoins des personnes et des communautés',
          actions: [],
        },
      ],
    },
  ],
};

/**
 * Where the Laval work cells' partners record attendance (« Nombre de participants »): the fiches name no follow-up
 * means for the PRDS, so this instrument is demo data, not the PRDS's. Partners record counts only for the plans
 * their organization is part of, and this is the plan the demo partner (Centre communautaire Val-Martin) works on.
 */
export const LAVAL_COUNTED_INSTRUMENT = {
  kind: 'participation_count',
  name: 'Nombre de participants aux rencontres des cellules de travail',
} as const;
