import { classifyInstrument } from './classify-instrument';
import { InstrumentKind } from './instrument-kind';

describe(classifyInstrument.name, () => {
  // Every « Suivis » item of the Parc-Extension 2021/2023 plan (seed 003), as written.
  it.each<[string, InstrumentKind]>([
    ['Questionnaire sur la fréquentation', 'questionnaire'],
    ['Besoins des organismes', 'document'],
    ['Compte rendu des rencontres', 'document'],
    ['Évaluation', 'document'],
    ['Observation', 'document'],
    ['Comptes rendus', 'document'],
    ['Forum et consultation', 'document'],
    ['Levées de fonds', 'document'],
    ['Focus groups', 'document'],
    ['Forum citoyen', 'document'],
    ['Comptes rendus Comité de travail (institution, organisme, bailleurs, citoyens)', 'document'],
    ['Assemblée générale', 'document'],
    ['évaluation, communication RS', 'document'],
    ['Compte rendu de réunion', 'document'],
    ["Lettre de demande ou d'appui", 'document'],
    ['Comptes rendus de rencontre.', 'document'],
    ['Contacts avec les partenaires', 'tally'],
    ['Nombre de partenaires', 'tally'],
    ['Questionnaires', 'questionnaire'],
    ['Disponibilité des interprètes', 'tally'],
    ['Consultations', 'document'],
    ['Focus group', 'document'],
    ['Nombre de publication', 'tally'],
    ['Nombre de suivis et de partage', 'tally'],
    ['Nombre de participants', 'participation_count'],
    ['PV et comptes rendus de rencontre', 'document'],
    ["Code d'écoute", 'tally'],
    ['Nombre de personnes qui suivent la page.', 'participation_count'],
    ["Nombre de lettres d'appui", 'tally'],
    ['Nombre de collaboration sur des projets', 'tally'],
    ['Nombre de participation à des activités des organismes', 'participation_count'],
    ['Créer un outil de recensement des besoins des partenaires (Formations – enjeux - jumelage selon les besoins', 'document'],
  ])('classifies the seed item « %s » as %s', (text, expected) => {
    // Act
    const kind = classifyInstrument(text);

    // Assert
    expect(kind).toBe(expected);
  });

  it.each<[string, InstrumentKind]>([
    ['Sondage de satisfaction', 'questionnaire'],
    ['Survey', 'questionnaire'],
    ['Participation', 'participation_count'],
    ['Taux de participation', 'participation_count'],
    ['Number of participants', 'participation_count'],
    ['Attendance', 'participation_count'],
    ['Nb de participantes', 'participation_count'],
    ['Procès-verbal', 'document'],
    ['Procès-verbaux du comité', 'document'],
    ['Compte-rendu', 'document'],
    ['Comptes rendus des contacts', 'document'],
    ['Lettres d’appui', 'document'],
    ["Cote d'écoute", 'tally'],
    ['Number of posts', 'tally'],
    ['Photos', 'document'],
    ['', 'document'],
  ])('classifies « %s » as %s', (text, expected) => {
    // Act
    const kind = classifyInstrument(text);

    // Assert
    expect(kind).toBe(expected);
  });

  it.each(['QUESTIONNAIRE SUR LA FREQUENTATION', 'questionnaire sur la frequentation', 'Questionnaire sur la fréquentation'])(
    'ignores case and accents in « %s »',
    (text) => {
      // Act
      const kind = classifyInstrument(text);

      // Assert
      expect(kind).toBe('questionnaire');
    },
  );

  it.each(["NOMBRE DE LETTRES D'APPUI", 'nombre de lettres d’appui', "Nombre de lettres d'appui"])(
    'lets a count win over the document word in « %s »',
    (text) => {
      // Act
      const kind = classifyInstrument(text);

      // Assert
      expect(kind).toBe('tally');
    },
  );
});
