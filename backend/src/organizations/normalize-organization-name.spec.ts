import { Network } from './network';
import { OrganizationName, organizationKey, parseNetwork, splitNameAndAcronym } from './normalize-organization-name';

describe(splitNameAndAcronym.name, () => {
  it.each<[string, OrganizationName]>([
    ["Office Municipale de l'habitation (OMH)", { name: "Office Municipale de l'habitation", acronym: 'OMH' }],
    [
      'Centre intégré de santé et de services sociaux de Laval (CISSSL de Laval)',
      { name: 'Centre intégré de santé et de services sociaux de Laval', acronym: 'CISSSL de Laval' },
    ],
    ['Centre communautaire Val-Martin (CCVM)', { name: 'Centre communautaire Val-Martin', acronym: 'CCVM' }],
    [
      'Regroupement lavallois pour la réussite éducative (RLPRÉ)',
      { name: 'Regroupement lavallois pour la réussite éducative', acronym: 'RLPRÉ' },
    ],
    ['Travail de rue île de Laval (TRÎL)', { name: 'Travail de rue île de Laval', acronym: 'TRÎL' }],
    [
      "Ministère de l'Immigration, de la Francisation et de l'Intégration (MIFI)",
      { name: "Ministère de l'Immigration, de la Francisation et de l'Intégration", acronym: 'MIFI' },
    ],
  ])('splits « %s »', (raw, expected) => {
    // Act
    const result = splitNameAndAcronym(raw);

    // Assert
    expect(result).toEqual(expected);
  });

  it.each(['Centraide', 'Au Panier de Chomedey', 'Ville de Laval, Bureau des grands projets'])('gives no acronym to « %s »', (raw) => {
    // Act
    const result = splitNameAndAcronym(raw);

    // Assert
    expect(result).toEqual<OrganizationName>({ name: raw, acronym: null });
  });

  it.each(['Groupe de liaison (Immeubles Val-Martin)', 'Table de quartier et partenaires GRT (groupe ressource technique)'])(
    'keeps a parenthesis that is not an acronym in the name of « %s »',
    (raw) => {
      // Act
      const result = splitNameAndAcronym(raw);

      // Assert
      expect(result).toEqual<OrganizationName>({ name: raw, acronym: null });
    },
  );

  it('keeps a parenthesis in the middle of the name, where it names a program', () => {
    // Arrange
    const raw = 'Revitalisation urbaine intégrée (RUI) Pont-Viau';

    // Act
    const result = splitNameAndAcronym(raw);

    // Assert
    expect(result).toEqual<OrganizationName>({ name: raw, acronym: null });
  });

  it.each<[string, OrganizationName]>([
    ['Ville de Laval, Division du développe- ment social', { name: 'Ville de Laval, Division du développement social', acronym: null }],
    ['Ville de Laval, Division du développe-\nment social', { name: 'Ville de Laval, Division du développement social', acronym: null }],
    [
      'Centre intégré de santé et de services so- ciaux de Laval (CISSSL de Laval)',
      { name: 'Centre intégré de santé et de services sociaux de Laval', acronym: 'CISSSL de Laval' },
    ],
    [
      'Maison de la famille-Centre communautaire Val-Martin (CCVM)',
      {
        name: 'Maison de la famille-Centre communautaire Val-Martin',
        acronym: 'CCVM',
      },
    ],
    ['Services pré- et postnatals', { name: 'Services pré- et postnatals', acronym: null }],
  ])('repairs line-break hyphenation in « %s » and nothing else', (raw, expected) => {
    // Act
    const result = splitNameAndAcronym(raw);

    // Assert
    expect(result).toEqual(expected);
  });

  it('collapses spaces and trims', () => {
    // Act
    const result = splitNameAndAcronym("  Office  Municipale de l'habitation\t (OMH) ");

    // Assert
    expect(result).toEqual<OrganizationName>({ name: "Office Municipale de l'habitation", acronym: 'OMH' });
  });
});

describe(organizationKey.name, () => {
  it.each([
    ['Centre de Services Scolaire de Laval', 'Centre de services scolaire de Laval'],
    ['Comité de Développement Local de Chomedey', 'Comité de développement local de Chomedey'],
    ['Ville de Laval, Division du développe- ment social', 'Ville de Laval, Division du développement social'],
    ['CISSSL de Laval', 'cisssl  de laval'],
    ["Carrefour d'intercultures de Laval", 'Carrefour d’intercultures de Laval'],
    ['Collège Montmorency', 'COLLEGE MONTMORENCY'],
  ])('gives « %s » and « %s » the same key', (a, b) => {
    // Act
    const keys = [organizationKey(a), organizationKey(b)];

    // Assert
    expect(keys[0]).toBe(keys[1]);
  });

  it.each([
    ["Office Municipale de l'habitation", 'office municipale de l habitation'],
    ['Travail de rue île de Laval', 'travail de rue ile de laval'],
    ['RLPRÉ', 'rlpre'],
    ['  Ville de Laval, Service de l’urbanisme. ', 'ville de laval service de l urbanisme'],
    ['Mise en œuvre', 'mise en oeuvre'],
  ])('keys « %s » as « %s »', (s, expected) => {
    // Act
    const key = organizationKey(s);

    // Assert
    expect(key).toBe(expected);
  });

  it('keeps different organizations apart', () => {
    // Act
    const keys = [organizationKey('Ville de Laval'), organizationKey('Ville de Laval, Division vie de quartier')];

    // Assert
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe(parseNetwork.name, () => {
  it.each<[string, Network]>([
    ['Communautaire', 'communautaire'],
    ['communautaire', 'communautaire'],
    ['Communautaires', 'communautaire'],
    ['Institutionnel', 'institutionnel'],
    ['INSTITUTIONNEL', 'institutionnel'],
    ['Institutionnels', 'institutionnel'],
    ['Philanthropique', 'philanthropique'],
    ['Concertation locale', 'concertation_locale'],
    ['Concertations locales', 'concertation_locale'],
    ['concertation  locale', 'concertation_locale'],
    ['Bailleurs de fond (public)', 'bailleur_de_fonds'],
    ['Bailleur de fonds', 'bailleur_de_fonds'],
    ['Bailleurs de fonds', 'bailleur_de_fonds'],
    ['bailleur de fond', 'bailleur_de_fonds'],
  ])('reads « %s » as %s', (label, expected) => {
    // Act
    const network = parseNetwork(label);

    // Assert
    expect(network).toBe(expected);
  });

  it.each(['', 'Autre', 'Concertation régionale', 'Santé et services sociaux'])('returns null for « %s »', (label) => {
    // Act
    const network = parseNetwork(label);

    // Assert
    expect(network).toBeNull();
  });
});
