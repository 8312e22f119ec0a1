import type { DemoDocument } from './demo-evidence';

/** Two minutes kept on the plan's « document » follow-up means, dated inside the plan: generated, and saying so. */
export const PARC_EX_MINUTES: readonly { instrument: string; document: DemoDocument }[] = [
  {
    instrument: 'Compte rendu des rencontres',
    document: {
      title: 'Compte rendu de la rencontre des organismes de William-Hingston',
      date: '2022-03-15',
      lines: [
        'Présents : la Table de quartier de Parc-Extension et neuf organismes logés à William-Hingston.',
        'Point 1 - Relocalisation : trois organismes emménagent dans les locaux regroupés d’ici l’été.',
        'Point 2 - Questionnaire sur la fréquentation : 60 réponses à l’automne 2021 ; la collecte continue en 2022.',
        'Point 3 - Besoins des organismes : un inventaire des besoins en locaux est attendu pour la prochaine rencontre.',
        'Prochaine rencontre : 14 juin 2022.',
      ],
    },
  },
  {
    instrument: 'PV et comptes rendus de rencontre',
    document: {
      title: "Procès-verbal de l'assemblée citoyenne d'automne",
      date: '2022-11-16',
      lines: [
        'Assemblée citoyenne de la Table de quartier de Parc-Extension, tenue en français, en anglais et avec interprètes.',
        'Point 1 - Avancement des projets : centre communautaire, Bureau d’informations Parc-Ex, Journée de Bienvenue.',
        'Point 2 - Comités de travail : quatre résidents rejoignent les comités (logement, communication).',
        'Point 3 - Prochaine assemblée : mai 2023.',
      ],
    },
  },
];
