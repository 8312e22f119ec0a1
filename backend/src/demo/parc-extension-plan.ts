import { DemoPlan } from './demo-data.types';

// Transcribed from the Table de quartier de Parc-Extension's « Plan d'action 2021/2023 » (seed 003),
// wording kept as written, typos included: users recognize their own document.
// How the extracted table was read:
// - a cell's items are its <p> paragraphs or its leading dashes; lone « - » items are dropped and so are
//   the commas that separated dashed items (« -Forum citoyen, -évaluation »); other punctuation stays;
// - cells whose items run together without any marker (« …pour le quartier Les ressources… ») stay one
//   item: the text does not show where one ends;
// - a MOYENS-ACTIONS cell with two <p> paragraphs is one action, its paragraphs joined by a newline;
// - the stray line « communautaires » in orientation 1 ends « …identifient et utilisent ces services »;
// - the last three rows of orientation 4 lost their empty OBJECTIF cell in the extraction: they still
//   belong to objective 4.1;
// - the document is cut short: the last row's SUIVIS ends mid-sentence, and is kept as it stands.
export const PARC_EXTENSION_PLAN: DemoPlan = {
  title: "Plan d'action 2021/2023 — Table de quartier de Parc-Extension",
  description: "Plan d'action de la Table de quartier de Parc-Extension, daté du 28.06.2021.",
  owner: { name: 'Table de quartier de Parc-Extension' },
  startDate: '2021-06-28',
  endDate: '2023-12-31',
  orientations: [
    {
      number: 1,
      title: 'Relocalisation des organismes de William-Hingston',
      objectives: [
        {
          code: '1.1',
          title: 'Aider à relocaliser les services communautaires pour les résidents de Parc-Extension',
          actions: [
            {
              description:
                'Assurer le leadership du processus de maintien ou de relocalisation des organismes de\n' +
                'Mettre en place une concertation et élaborer des stratégies avec les organismes du quartier',
              scheduleText: '31 décembre 2022',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                'Maintien des acquis communautaires dans le quartier.',
                "Regroupement des services communautaires pour faciliter l'accès aux résidents",
              ],
              indicators: [
                'Les organismes sont regroupés dans un lieu commun et accessible.',
                'Les résidents de Parc-Extension identifient et utilisent ces services communautaires',
              ],
              followUps: ['Questionnaire sur la fréquentation', 'Besoins des organismes', 'Compte rendu des rencontres'],
            },
            {
              description:
                'Mettre en place de rencontres avec les partenaires principaux - Arrondissement - CSSDM — Commission scolaire Marguerite Bourgeois...\n' +
                'Impliquer les paliers provinciaux et fédéraux.',
              scheduleText: 'En continu',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                'Les organismes de WH sont maintenus dans leurs locaux et des améliorations locatives sont apportées.',
                "La CSSDM s'investit davantage pour les besoins du quartier.",
              ],
              indicators: ['Les résidents continuent de recevoir les services durant le processus de transition'],
              followUps: ['Évaluation', 'Observation', 'Comptes rendus', 'Forum et consultation'],
            },
          ],
        },
      ],
    },
    {
      number: 2,
      title: 'Centre communautaire (PIC – Centraide)',
      objectives: [
        {
          code: '2.1',
          title: 'Favoriser le développement du quartier en collaboration avec les acteurs du milieu',
          actions: [
            {
              description:
                'Bâtir un centre communautaire Recherche de financement - Répertoire des bailleurs de fonds pour financer les infrastructures',
              scheduleText: 'Mars 2023',
              resources: 'Table de quartier et partenaires GRT (groupe ressource technique)',
              expectedResults: ["Acquisition d'un terrain ou d'une bâtisse"],
              indicators: [
                "Les acteurs du milieu reconnaissent et utilisent le l'espace comme le lieu de vie et d'échange principal du quartier",
              ],
              followUps: [
                'Levées de fonds',
                'Focus groups',
                'Forum citoyen',
                'Comptes rendus Comité de travail (institution, organisme, bailleurs, citoyens)',
              ],
            },
            {
              description: 'Consulter-Impliquer-Informer la population Collaborer avec les partenaires',
              scheduleText: 'En continu',
              resources: 'Table de quartier et partenaires',
              expectedResults: ['Le centre communautaire correspond aux besoins réels des organismes et des résidents du quartier'],
              indicators: ['Les acteurs du milieu se sentent acteurs à part entière dans la planification et la mise en œuvre du projet'],
              followUps: ['Assemblée générale', 'Forum citoyen', 'évaluation, communication RS'],
            },
            {
              description: "Collaborer avec l'arrondissement sur la recherche d'espaces disponibles",
              scheduleText: "D'ici l'automne 2021",
              resources: 'Coordination – Agent de développement',
              expectedResults: ["L'identification et choix du lieu approprié pour le centre communautaire"],
              indicators: ["Les acteurs du milieu acceptent la proposition d'espace"],
              followUps: ['Compte rendu de réunion', "Lettre de demande ou d'appui"],
            },
          ],
        },
      ],
    },
    {
      number: 3,
      title: "Bureau d'informations Parc-Ex (BIPE) - (PIC - Centraide)",
      objectives: [
        {
          code: '3.1',
          title: 'Centraliser et rendre accessible les informations pour les résidents de parc Extension',
          actions: [
            {
              description: 'Recherche de financement - Répertoire des bailleurs de fonds',
              scheduleText: 'Début du projet Automne 2021',
              resources: 'Table de quartier et partenaires',
              expectedResults: ["Ouverture du Bureau d'informations"],
              indicators: [
                "Les résidents le connaissent et l'utilisent et l'espace devient l'outil de référence pour le quartier Les ressources du quartier sont disponibles et connues",
              ],
              followUps: ['Comptes rendus de rencontre.', 'Contacts avec les partenaires', 'Nombre de partenaires'],
            },
            {
              description: 'Déterminer le lieu et les différents services (un lieu provisoire est possible)',
              scheduleText: 'Fin été 2021',
              resources: 'Table de quartier et partenaires',
              expectedResults: ['Le lieu est central dans le quartier'],
              indicators: ['Les services répondent aux besoins des résidents'],
              followUps: ['Évaluation', 'Questionnaires', 'Observation'],
            },
            {
              description:
                "Mettre en place des ressources d'interprètes et des activités culturelles (visite historique du quartier / visite des lieux de culte...)",
              scheduleText: 'À déterminer',
              resources: 'Table de quartier et partenaires',
              expectedResults: ["Création de Banques d'interprètes connus et disponibles pour le quartier"],
              indicators: ['Les résidents seront adéquatement servis'],
              followUps: ['Disponibilité des interprètes', 'Consultations', 'Focus group', 'Comptes rendus'],
            },
          ],
        },
      ],
    },
    {
      number: 4,
      title: 'Obtenir plus de visibilité dans le quartier',
      objectives: [
        {
          code: '4.1',
          title: "Développer le pouvoir d'agir des résidents du quartier",
          actions: [
            {
              description: 'Développer la communication de la table à travers les réseaux sociaux',
              scheduleText: '2021– 2023',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                'Les organismes contribuent à faire connaître la Table dans leurs différents évènements/activités Les résidents sont informés des développements des projets et connaissent mieux la Table de Quartier',
              ],
              indicators: ['La table gagne en visibilité et en leadership'],
              followUps: ['Nombre de publication', 'Nombre de suivis et de partage'],
            },
            {
              description: 'Mettre en place une Journée de Bienvenue à Parc-Ex',
              scheduleText: 'Annuel – août',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                'Les nouveaux venus dans le quartier rencontrent des représentants des organismes, reçoivent une clé USB avec les ressources du Quartier, etc.',
              ],
              indicators: ['Les nouveaux résidents dans le quartier connaissent et utilisent les services publics et communautaires'],
              followUps: ['Nombre de participants'],
            },
            {
              description: "Organiser 2 assemblées citoyennes dans l'année et des forums citoyens",
              scheduleText: 'Annuel',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                'Avoir une participation de 80 % des membres de la table. Rejoindre les résidents qui sont moins accessibles',
              ],
              indicators: [
                "Les résidents sont informés des développements des projets et s'impliquent dans les différents comités de travail.",
              ],
              followUps: ['PV et comptes rendus de rencontre'],
            },
            {
              description: 'Développement WebTV "Ici Parc-Ex"',
              scheduleText: 'Mensuel',
              resources: 'Table de quartier et partenaires',
              expectedResults: ['Faire connaître la communauté, les cultures et les événements du quartier'],
              indicators: [
                'Les résidents connaissent la chaîne et sont mieux informés de ce qui se passe dans le Quartier et autour de la Table',
              ],
              followUps: ["Code d'écoute", 'Nombre de personnes qui suivent la page.', 'Évaluation'],
            },
            {
              description: 'Soutenir les organismes communautaires et des associations',
              scheduleText: 'En continu',
              resources: 'Table de quartier et partenaires',
              expectedResults: [
                '80 % des organismes et des associations feront appel à la table pour effectuer des collaborations de tout genre.',
              ],
              indicators: [
                'Les organismes et les associations travaillent de concert avec la table de quartier et trouvent des solutions aux besoins des résidents',
              ],
              followUps: [
                "Nombre de lettres d'appui",
                'Nombre de collaboration sur des projets',
                'Nombre de participation à des activités des organismes',
              ],
            },
            {
              description: 'Communiquer et collaborer avec les tables sectorielles sur les enjeux spécifiques à leurs missions',
              scheduleText: 'En continu',
              resources: 'Table de quartier et partenaires',
              expectedResults: ["Les tables communiquent mieux et arrivent leurs projets et l'établissement des besoins du quartier"],
              indicators: ["Le quartier dispose d'une vision globale et inclusive qui tient compte de tous les enjeux de Parc-Extension"],
              followUps: ['Créer un outil de recensement des besoins des partenaires (Formations – enjeux - jumelage selon les besoins'],
            },
          ],
        },
      ],
    },
  ],
};
