import { DemoWorkCell } from './demo-data.types';

const CONTACT = 'prds@laval.ca · 450-978-6888, poste 7529';

// Transcribed from the PRDS de Laval's « fiches synthèses » (seeds 000, 001, 002), wording kept as written.
// How the extracted text was read:
// - the period that closes a form field (« Nom de la cellule de travail : … . ») is not part of the value;
// - words cut by a line break are rejoined where a space betrays the cut (« so- ciaux », « développe- ment »);
//   « ba-lises » (seed 001) lost that space, so it stays as written: nothing tells it from « rendez-vous »;
// - a step's dateText is the month or season it names in parentheses; PHASE 1 / PHASE 2 mark the step
//   they head and every step after them;
// - the fiches print the contact as two lines (e-mail, telephone), joined here.
export const LAVAL_WORK_CELLS: readonly DemoWorkCell[] = [
  {
    name: 'Groupe de liaison (Immeubles Val-Martin)',
    objectiveCode: '3.2.1',
    objectiveText:
      'Développer et formaliser des mécanismes de références fluides et des pratiques collaboratives intersectorielles et multiréseau',
    startDateText: 'Hiver 2021',
    mandate:
      "Dans le contexte de la revitalisation des Immeubles Val-Martin (IVM) qui vise à rénover et à ajouter des logements sociaux ou abordables dans Chomedey, les membres de la cellule de travail souhaitent améliorer leurs mécanismes de collaboration. L'accueil de nouvelles familles dans le secteur exercent une grande pression sur les organismes et des stratégies concertées doivent être identifiées. Les partenaires impliqués dans le cadre de ces travaux se donnent pour mandat d'identifier les enjeux et les réalités des résidentes et résidents afin de répondre adéquatement à leurs besoins dans un esprit d'équité, de diversité et d'inclusion.",
    contact: CONTACT,
    steps: [
      {
        text: 'Mettre en place le comité stratégique IVM et définir les mécanismes de collaboration et de communication.',
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: 'Identifier les besoins urgents du secteur et mettre en commun des ressources.',
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Mettre en place le comité opérationnel composé d'intervenantes et d'intervenants terrain afin d'informer le comité stratégique IVM des besoins de la population.",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Procéder à l'embauche, la formation et à l'encadrement d'intervenantes et d'intervenants de l'OMH et du CCVM afin de répondre aux enjeux urgents identifiés.",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: 'Réaliser une étude sur les besoins de la population et des organismes communautaires du secteur Val-Martin.',
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Élaborer un plan d'action concertée suivant les recommandations de l'étude de besoin.",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: 'Développer des projets concertés et structurants pour le secteur.',
        done: false,
        phase: null,
        dateText: null,
      },
      { text: "Produire un rapport d'activité annuel.", done: false, phase: null, dateText: null },
    ],
    partners: [
      { organization: 'Au Panier de Chomedey', network: 'Communautaire', sector: 'Sécurité alimentaire' },
      {
        organization: 'Centraide',
        network: 'Bailleurs de fond (public)',
        sector: "Lutte contre la pauvreté et l'exclusion sociale",
      },
      { organization: 'Centre communautaire Val-Martin (CCVM)', network: 'Communautaire', sector: 'Famille et jeunesse' },
      { organization: 'Centre de Services Scolaire de Laval', network: 'Institutionnel', sector: 'Scolaire' },
      {
        organization: 'Centre intégré de santé et de services sociaux de Laval (CISSSL de Laval)',
        network: 'Institutionnel',
        sector: 'Organisation communautaire',
      },
      {
        organization: 'Comité de Développement Local de Chomedey (CDLC)',
        network: 'Concertation locale',
        sector: 'Développement social',
      },
      { organization: "Office Municipale de l'habitation (OMH)", network: 'Institutionnel', sector: 'Habitation' },
      { organization: 'Ville de Laval, Bureau des grands projets', network: 'Institutionnel', sector: 'Grands projets' },
      {
        organization: 'Ville de Laval, Division du développement social',
        network: 'Institutionnel',
        sector: "Lutte contre la pauvreté et l'exclusion sociale",
      },
      {
        organization: 'Ville de Laval, Division infrastructure et administration',
        network: 'Institutionnel',
        sector: 'Infrastructure',
      },
      { organization: 'Ville de Laval, Division vie de quartier', network: 'Institutionnel', sector: 'Loisir' },
      { organization: "Ville de Laval, Service de l'urbanisme", network: 'Institutionnel', sector: 'Urbanisme' },
    ],
    partnersNote: null,
  },
  {
    name: 'Cellule 4.2',
    objectiveCode: '4.2',
    objectiveText:
      'Favoriser la concertation intersectorielle et multiréseau pour répondre de manière intégrée aux besoins des personnes et des communautés',
    startDateText: '5 juin 2019',
    mandate:
      "Développer une vision partagée des conditions favorisant la concertation locale, multi-sectorielle et multiréseau et soutenir la concertation locale et régionale afin d'améliorer les conditions de vie des populations relativement aux enjeux priorités par le milieu.",
    contact: CONTACT,
    steps: [
      {
        text: "Formation d'un comité organisateur et proposition d'un mandat d'accompagnement par une firme externe (Dynamo).",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Réalisation du 1er grand rendez-vous (novembre 2019) ayant pour objectif d'identifier les forces et défis des concertations lavalloises.",
        done: true,
        phase: null,
        dateText: 'novembre 2019',
      },
      {
        text: "Obtention d'un soutien financier pour les concertations locales et adoption des ba-lises des tables locales.",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Formation d'une nouvelle mouture du comité organisateur de la cellule.",
        done: true,
        phase: null,
        dateText: null,
      },
      {
        text: "Réalisation des grandes rencontres (octobre 2023) permettant l'identification des mécanismes de collaboration à mettre en place afin que les concertations locales et régionales puissent répondre de manière complémentaire et intégrée aux besoin des communautés.",
        done: true,
        phase: null,
        dateText: 'octobre 2023',
      },
      {
        text: 'Présentation des résultats des grandes rencontres et suites (janvier 2024).',
        done: true,
        phase: null,
        dateText: 'janvier 2024',
      },
      {
        text: "Formation d'un nouveau comité de suivi de la cellule 4.2 (hiver 2024).",
        done: false,
        phase: null,
        dateText: 'hiver 2024',
      },
    ],
    partners: [
      {
        organization: 'Association lavalloise des personnes aidantes (ALPA)',
        network: 'Communautaire',
        sector: 'Personnes aidantes',
      },
      { organization: 'Centraide', network: 'Philanthropique', sector: 'Lutte à la pauvreté et développement social' },
      {
        organization: 'Centre intégré de santé et de services sociaux de Laval',
        network: 'Institutionnel',
        sector: 'Santé et services sociaux',
      },
      { organization: 'Comité de développement local de Chomedey', network: 'Communautaire', sector: 'Développement social' },
      {
        organization: 'Corporation de développement communautaire de Laval',
        network: 'Communautaire',
        sector: 'Développement communautaire',
      },
      {
        organization: 'Regroupement lavallois pour la réussite éducative (RLPRÉ)',
        network: 'Communautaire',
        sector: 'Réussite éducative',
      },
      {
        organization: 'Table de concertation en violence conjugale et agressions à caractère sexuel de Laval (TCVCASL)',
        network: 'Communautaire',
        sector: 'Agression sexuelle-violence conjugale',
      },
      { organization: 'Travail de rue île de Laval (TRÎL)', network: 'Communautaire', sector: 'Santé mentale jeunesse' },
      { organization: 'Trouve ta ressource', network: 'Communautaire', sector: 'Jeunesse' },
      { organization: 'Ville de Laval', network: 'Institutionnel', sector: 'Développement social' },
    ],
    partnersNote:
      "Partenaires de la cellule de travail : la cellule a un mode de fonctionnement ouvert, à chaque grande rencontre, l'invitation est lancée de façon large aux partenaires des réseaux représentés au comité de pilotage de la PRDS.",
  },
  {
    name: 'Collaboration et accompagnement global et continu des personnes immigrantes',
    objectiveCode: '3.2.1',
    objectiveText:
      "Identifier et adresser les enjeux dans la collaboration et l'accompagnement des personnes immigrantes et les communautés culturelles en situation de vulnérabilité afin de renforcer le continuum de services",
    startDateText: 'Automne 2021',
    mandate:
      "Les partenaires impliqués dans cette cellule de travail se donnent comme mandat d'identifier et préciser les enjeux actuels de la collaboration intersectorielle et multiréseau, de documenter les bonnes pratiques d'accompagnement des personnes en situation de vulnérabilité, particulièrement des nouveaux arrivants, des personnes immigrantes et des communautés ethnoculturelles, afin de mettre en œuvre des projets communs misant sur l'amélioration du référencement et de la collaboration.",
    contact: CONTACT,
    steps: [
      {
        text: "Embauche d'une personne afin de travailler sur les pratiques de référencement et de collaboration dans les organisations lavalloises, les services offerts sur le territoire et les pistes d'actions possibles pour répondre aux défis identifiés.",
        done: false,
        phase: 'PHASE 1',
        dateText: null,
      },
      {
        text: "Recrutement d'une firme de consultants afin de réaliser une enquête (revue de littérature, entrevues, sondages, etc.) sur les enjeux et les défis dans la collaboration intersectorielle et multiréseau.",
        done: false,
        phase: 'PHASE 1',
        dateText: null,
      },
      {
        text: "Rédaction d'un rapport final à l'intention de la cellule de travail afin de dresser un portrait diagnostic de la collaboration existante sur le terrain, des services offerts sur le territoire de Laval et de soumettre des recommandations et des pistes d'actions possibles.",
        done: false,
        phase: 'PHASE 1',
        dateText: null,
      },
      {
        text: "Priorisation des pistes d'action identifiées et début des travaux pour leur mise en œuvre.",
        done: false,
        phase: 'PHASE 2',
        dateText: null,
      },
      {
        text: "Identification des besoins en formation dans les domaines de l'immigration, de l'intervention en contexte interculturel et de la pratique collaborative.",
        done: false,
        phase: 'PHASE 2',
        dateText: null,
      },
      {
        text: "Soutien au développement des compétences et mise en place d'un espace de formation continue et de collaboration pour les intervenantes et intervenants dans les différents domaines reliés à l'immigration.",
        done: false,
        phase: 'PHASE 2',
        dateText: null,
      },
      {
        text: "Production d'un répertoire des organismes lavallois œuvrant en immigration.",
        done: false,
        phase: 'PHASE 2',
        dateText: null,
      },
      {
        text: "Mise en place d'une initiative de sensibilisation en prévention de la surreprésentation des enfants immigrants dans les services de la protection de la jeunesse.",
        done: false,
        phase: 'PHASE 2',
        dateText: null,
      },
    ],
    partners: [
      {
        organization: 'Association pour aînés résidents à Laval (APARL)',
        network: 'Communautaire',
        sector: 'Personnes aînées',
      },
      { organization: "Carrefour d'intercultures de Laval (CIL)", network: 'Communautaire', sector: 'Immigration' },
      {
        organization: 'Comité de Développement Local de Chomedey (CDLC)',
        network: 'Concertation locale',
        sector: 'Développement social',
      },
      // The CISSSL takes part through two of its sectors: the fiche lists it twice, and so does the demo.
      {
        organization: 'Centre intégré de santé et de services sociaux de Laval (CISSSL de Laval)',
        network: 'Institutionnel',
        sector: 'Santé et services sociaux',
      },
      {
        organization: 'Centre intégré de santé et de services sociaux de Laval (CISSSL de Laval)',
        network: 'Institutionnel',
        sector: 'Organisation communautaire',
      },
      { organization: 'Centre de services scolaire de Laval', network: 'Institutionnel', sector: 'Scolaire' },
      { organization: 'Collège Montmorency', network: 'Institutionnel', sector: 'Scolaire' },
      { organization: 'Femmes en emploi', network: 'Communautaire', sector: 'Employabilité' },
      {
        organization: 'Maison de la famille-Centre communautaire Val-Martin (CCVM)',
        network: 'Communautaire',
        sector: 'Secteur famille',
      },
      {
        organization: "Ministère de l'Immigration, de la Francisation et de l'Intégration (MIFI)",
        network: 'Institutionnel',
        sector: 'Immigration',
      },
      { organization: 'Loisirs Bon Pasteur', network: 'Communautaire', sector: 'Personnes aînées' },
      {
        organization: 'Revitalisation urbaine intégrée (RUI) Pont-Viau',
        network: 'Communautaire',
        sector: 'Développement social',
      },
      {
        organization: "Centre de services communautaires et d'aide au maintien à domicile (SCAMA)",
        network: 'Communautaire',
        sector: 'Personnes aînées',
      },
      { organization: 'Services Québec', network: 'Institutionnel', sector: 'Employabilité' },
      {
        organization: 'Ville de Laval, Division du développement social',
        network: 'Institutionnel',
        sector: 'Immigration',
      },
    ],
    partnersNote: null,
  },
];
