import { INSTRUMENT_KINDS } from '@backend/indicators/instrument-kind';
import { classifyInstrument } from '@backend/indicators/classify-instrument';
import { NETWORKS } from '@backend/organizations/network';
import { parseNetwork, splitNameAndAcronym } from '@backend/organizations/normalize-organization-name';
import { parseFrenchPeriod, parseSchedule, ParsedSchedule } from '@backend/plans/schedule/parse-schedule';
import { DemoAction, DemoPlan } from './demo-data.types';
import { LAVAL_PRDS_PLAN } from './laval-prds-plan';
import { LAVAL_WORK_CELLS } from './laval-work-cells';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';

const actionsOf = (plan: DemoPlan): DemoAction[] =>
  plan.orientations.flatMap((orientation) => orientation.objectives.flatMap((objective) => [...objective.actions]));

describe('PARC_EXTENSION_PLAN', () => {
  it('has the 4 orientations of seed 003, numbered and titled as written', () => {
    // Act
    const orientations = PARC_EXTENSION_PLAN.orientations.map(({ number, title }) => [number, title]);

    // Assert
    expect(orientations).toEqual([
      [1, 'Relocalisation des organismes de William-Hingston'],
      [2, 'Centre communautaire (PIC – Centraide)'],
      [3, "Bureau d'informations Parc-Ex (BIPE) - (PIC - Centraide)"],
      [4, 'Obtenir plus de visibilité dans le quartier'],
    ]);
  });

  it('has one objective per orientation, coded orientation.index, with its actions in order', () => {
    // Act
    const objectives = PARC_EXTENSION_PLAN.orientations.flatMap((orientation) =>
      orientation.objectives.map((objective) => [objective.code, objective.title, objective.actions.length]),
    );

    // Assert
    expect(objectives).toEqual([
      ['1.1', 'Aider à relocaliser les services communautaires pour les résidents de Parc-Extension', 2],
      ['2.1', 'Favoriser le développement du quartier en collaboration avec les acteurs du milieu', 3],
      ['3.1', 'Centraliser et rendre accessible les informations pour les résidents de parc Extension', 3],
      ['4.1', "Développer le pouvoir d'agir des résidents du quartier", 6],
    ]);
  });

  it('keeps the rows that lost their empty OBJECTIF cell in objective 4.1', () => {
    // Act
    const descriptions = PARC_EXTENSION_PLAN.orientations[3].objectives[0].actions.map((action) => action.description);

    // Assert
    expect(descriptions.slice(3)).toEqual([
      'Développement WebTV "Ici Parc-Ex"',
      'Soutenir les organismes communautaires et des associations',
      'Communiquer et collaborer avec les tables sectorielles sur les enjeux spécifiques à leurs missions',
    ]);
  });

  it('joins two <p> paragraphs of one MOYENS-ACTIONS cell into one action', () => {
    // Act
    const [first] = PARC_EXTENSION_PLAN.orientations[0].objectives[0].actions;

    // Assert
    expect(first.description).toBe(
      'Assurer le leadership du processus de maintien ou de relocalisation des organismes de\n' +
        'Mettre en place une concertation et élaborer des stratégies avec les organismes du quartier',
    );
  });

  it('splits multi-item cells, drops lone dashes and rejoins the stray « communautaires »', () => {
    // Act
    const [first] = PARC_EXTENSION_PLAN.orientations[0].objectives[0].actions;

    // Assert
    expect(first.indicators).toEqual([
      'Les organismes sont regroupés dans un lieu commun et accessible.',
      'Les résidents de Parc-Extension identifient et utilisent ces services communautaires',
    ]);
    expect(first.followUps).toEqual(['Questionnaire sur la fréquentation', 'Besoins des organismes', 'Compte rendu des rencontres']);
  });

  it('keeps the truncated last follow-up as it stands', () => {
    // Act
    const last = actionsOf(PARC_EXTENSION_PLAN).at(-1);

    // Assert
    expect(last?.followUps).toEqual([
      'Créer un outil de recensement des besoins des partenaires (Formations – enjeux - jumelage selon les besoins',
    ]);
  });

  it('has every item (16 expected results, 15 indicators, 37 follow-ups), none empty, without markup or leading dash', () => {
    // Act
    const items = actionsOf(PARC_EXTENSION_PLAN).flatMap((action) => [
      action.description,
      action.scheduleText,
      action.resources,
      ...action.expectedResults,
      ...action.indicators,
      ...action.followUps,
    ]);

    // Assert
    expect(items).toHaveLength(14 * 3 + 16 + 15 + 37);
    for (const item of items) {
      expect(item.trim()).not.toBe('');
      expect(item).not.toMatch(/<\/?p>|^\s*-|\*\*/);
    }
  });

  it('classifies every follow-up into an instrument kind', () => {
    // Act
    const kinds = actionsOf(PARC_EXTENSION_PLAN).flatMap((action) => action.followUps.map(classifyInstrument));

    // Assert
    expect(kinds).toHaveLength(37);
    expect(kinds.every((kind) => INSTRUMENT_KINDS.includes(kind))).toBe(true);
    expect(new Set(kinds)).toEqual(new Set(INSTRUMENT_KINDS));
  });

  it('parses every schedule to its kind, and the dates to their day', () => {
    // Act
    const schedules = actionsOf(PARC_EXTENSION_PLAN).map((action) => parseSchedule(action.scheduleText));

    // Assert
    expect(schedules).toEqual<ParsedSchedule[]>([
      { kind: 'date', date: '2022-12-31', recurrence: null, text: '31 décembre 2022' },
      { kind: 'ongoing', date: null, recurrence: null, text: 'En continu' },
      { kind: 'date', date: '2023-03-31', recurrence: null, text: 'Mars 2023' },
      { kind: 'ongoing', date: null, recurrence: null, text: 'En continu' },
      { kind: 'date', date: '2021-09-23', recurrence: null, text: "D'ici l'automne 2021" },
      { kind: 'date', date: '2021-09-23', recurrence: null, text: 'Début du projet Automne 2021' },
      { kind: 'date', date: '2021-09-22', recurrence: null, text: 'Fin été 2021' },
      { kind: 'tbd', date: null, recurrence: null, text: 'À déterminer' },
      { kind: 'date', date: '2023-12-31', recurrence: null, text: '2021– 2023' },
      { kind: 'recurrence', date: null, recurrence: 'FREQ=YEARLY;BYMONTH=8', text: 'Annuel – août' },
      { kind: 'recurrence', date: null, recurrence: 'FREQ=YEARLY', text: 'Annuel' },
      { kind: 'recurrence', date: null, recurrence: 'FREQ=MONTHLY', text: 'Mensuel' },
      { kind: 'ongoing', date: null, recurrence: null, text: 'En continu' },
      { kind: 'ongoing', date: null, recurrence: null, text: 'En continu' },
    ]);
  });

  it('runs from the document date to the end of 2023', () => {
    // Act
    const { startDate, endDate, owner } = PARC_EXTENSION_PLAN;

    // Assert
    expect([startDate, endDate]).toEqual(['2021-06-28', '2023-12-31']);
    expect(owner).toEqual({ name: 'Table de quartier de Parc-Extension' });
  });
});

describe('LAVAL_WORK_CELLS', () => {
  it('holds the three fiches in seed order, linked to their sub-objectives', () => {
    // Act
    const cells = LAVAL_WORK_CELLS.map(({ name, objectiveCode, startDateText }) => [name, objectiveCode, startDateText]);

    // Assert
    expect(cells).toEqual([
      ['Groupe de liaison (Immeubles Val-Martin)', '3.2.1', 'Hiver 2021'],
      ['Cellule 4.2', '4.2', '5 juin 2019'],
      ['Collaboration et accompagnement global et continu des personnes immigrantes', '3.2.1', 'Automne 2021'],
    ]);
  });

  it.each([
    [0, 8, 6, 12],
    [1, 7, 6, 10],
    [2, 8, 0, 15],
  ])('gives fiche %i its %i steps (%i done) and %i partners', (index, steps, done, partners) => {
    // Act
    const cell = LAVAL_WORK_CELLS[index];

    // Assert
    expect(cell.steps).toHaveLength(steps);
    expect(cell.steps.filter((step) => step.done)).toHaveLength(done);
    expect(cell.partners).toHaveLength(partners);
  });

  it('parses every start date', () => {
    // Act
    const starts = LAVAL_WORK_CELLS.map((cell) => parseFrenchPeriod(cell.startDateText, 'start'));

    // Assert
    expect(starts).toEqual(['2021-01-01', '2019-06-05', '2021-09-23']);
  });

  it('dates the steps that name a period, and parses each date', () => {
    // Act
    const dated = LAVAL_WORK_CELLS.flatMap((cell) => cell.steps)
      .filter((step) => step.dateText !== null)
      .map((step) => [step.dateText, parseFrenchPeriod(step.dateText ?? '', 'start')]);

    // Assert
    expect(dated).toEqual([
      ['novembre 2019', '2019-11-01'],
      ['octobre 2023', '2023-10-01'],
      ['janvier 2024', '2024-01-01'],
      ['hiver 2024', '2024-01-01'],
    ]);
  });

  it('marks the phases of seed 002 on the step that carries them and on those after', () => {
    // Act
    const phases = LAVAL_WORK_CELLS[2].steps.map((step) => step.phase);

    // Assert
    expect(phases).toEqual(['PHASE 1', 'PHASE 1', 'PHASE 1', 'PHASE 2', 'PHASE 2', 'PHASE 2', 'PHASE 2', 'PHASE 2']);
    expect(LAVAL_WORK_CELLS[2].steps[0].text).toMatch(/^Embauche d'une personne/);
    expect(
      LAVAL_WORK_CELLS.slice(0, 2)
        .flatMap((cell) => cell.steps)
        .every((step) => step.phase === null),
    ).toBe(true);
  });

  it('strips the ** markup from step texts', () => {
    // Act
    const texts = LAVAL_WORK_CELLS.flatMap((cell) => cell.steps.map((step) => step.text));

    // Assert
    expect(texts.some((text) => text.includes('*'))).toBe(false);
    expect(LAVAL_WORK_CELLS[0].steps[0].text).toBe(
      'Mettre en place le comité stratégique IVM et définir les mécanismes de collaboration et de communication.',
    );
  });

  it('keeps the CISSSL twice in seed 002, once per sector, with the line breaks rejoined', () => {
    // Act
    const cisssl = LAVAL_WORK_CELLS[2].partners.filter((partner) => partner.organization.includes('(CISSSL de Laval)'));

    // Assert
    expect(cisssl.map((partner) => partner.sector)).toEqual(['Santé et services sociaux', 'Organisation communautaire']);
    expect(LAVAL_WORK_CELLS[2].partners.at(-1)?.organization).toBe('Ville de Laval, Division du développement social');
  });

  it('reads every partner network label into a network', () => {
    // Act
    const networks = LAVAL_WORK_CELLS.flatMap((cell) => cell.partners.map((partner) => parseNetwork(partner.network)));

    // Assert
    expect(networks.every((network) => network !== null && NETWORKS.includes(network))).toBe(true);
  });

  it('splits every partner into a name without line-break hyphens', () => {
    // Act
    const names = LAVAL_WORK_CELLS.flatMap((cell) => cell.partners.map((partner) => splitNameAndAcronym(partner.organization)));

    // Assert
    expect(names.every(({ name }) => name !== '' && !/-\s/.test(name))).toBe(true);
    expect(names.filter(({ acronym }) => acronym !== null)).toHaveLength(16);
  });

  it('keeps the open-operation note of seed 001 only', () => {
    // Act
    const notes = LAVAL_WORK_CELLS.map((cell) => cell.partnersNote);

    // Assert
    expect(notes[0]).toBeNull();
    expect(notes[1]).toMatch(/^Partenaires de la cellule de travail : la cellule a un mode de fonctionnement ouvert/);
    expect(notes[2]).toBeNull();
  });

  it('gives every fiche the same contact', () => {
    // Act
    const contacts = new Set(LAVAL_WORK_CELLS.map((cell) => cell.contact));

    // Assert
    expect([...contacts]).toEqual(['prds@laval.ca · 450-978-6888, poste 7529']);
  });
});

describe('LAVAL_PRDS_PLAN', () => {
  it('holds the sub-objectives the work cells belong to', () => {
    // Act
    const codes = LAVAL_PRDS_PLAN.orientations.flatMap((orientation) => orientation.objectives.map((objective) => objective.code));

    // Assert
    expect(codes).toEqual(['3.2.1', '4.2']);
    expect(LAVAL_WORK_CELLS.every((cell) => codes.includes(cell.objectiveCode))).toBe(true);
  });

  it('titles its objectives with the wording of seeds 000 and 001', () => {
    // Act
    const titles = LAVAL_PRDS_PLAN.orientations.flatMap((orientation) => orientation.objectives.map((objective) => objective.title));

    // Assert
    expect(titles).toEqual([LAVAL_WORK_CELLS[0].objectiveText, LAVAL_WORK_CELLS[1].objectiveText]);
  });

  it('gives no orientation a title that only repeats its number (« Orientation 4 : Orientation 4 »)', () => {
    for (const plan of [PARC_EXTENSION_PLAN, LAVAL_PRDS_PLAN]) {
      for (const orientation of plan.orientations) expect(orientation.title).not.toMatch(/^orientation\s*\d+$/i);
    }
  });

  it('belongs to the Ville de Laval and starts with the first work cell', () => {
    // Act
    const { owner, startDate, endDate } = LAVAL_PRDS_PLAN;

    // Assert
    expect(owner).toEqual({ name: 'Ville de Laval' });
    expect([startDate, endDate]).toEqual(['2019-06-05', '2025-12-31']);
  });
});
