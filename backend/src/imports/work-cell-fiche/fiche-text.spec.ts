import { decodeHtmlEntities } from '../html-entities';
import { repairText, withoutClosingPeriod } from './fiche-text';

describe(repairText.name, () => {
  it.each([
    ['Santé et services so- ciaux', 'Santé et services sociaux'],
    ['Division du développe-  ment social', 'Division du développement social'],
    // No space after the hyphen: a compound word as well as a cut, so it stays.
    ['adoption des ba-lises', 'adoption des ba-lises'],
    ['grand rendez-vous', 'grand rendez-vous'],
    ['soins pré- et post-natals', 'soins pré- et post-natals'],
    ['Maison de la famille- Centre', 'Maison de la famille- Centre'],
    ['<u>PHASE 1</u>: Embauche', 'PHASE 1: Embauche'],
    ['un<br>deux', 'un deux'],
    ['voir <https://laval.ca>', 'voir <https://laval.ca>'],
    ['&lt;u&gt; reste du texte', '<u> reste du texte'],
    ['Bell &amp; Cie, r&eacute;seau, &#233;t&#xE9;, &oelig;uvre', 'Bell & Cie, réseau, été, œuvre'],
    ['**gras** puis __souligné__', 'gras puis souligné'],
    ['[450-978-6888](tel:450-978-6888), poste 7529', '450-978-6888, poste 7529'],
    ['  espaces \t et\u00a0insécables  ', 'espaces et insécables'],
  ])('repairs « %s »', (raw, expected) => {
    // Act
    const result = repairText(raw);

    // Assert
    expect(result).toBe(expected);
  });
});

describe(decodeHtmlEntities.name, () => {
  it('leaves an unknown entity as written', () => {
    // Act
    const result = decodeHtmlEntities('a &bogus; b &#0; c');

    // Assert
    expect(result).toBe('a &bogus; b &#0; c');
  });
});

describe(withoutClosingPeriod.name, () => {
  it.each([
    ['Groupe de liaison (Immeubles Val-Martin).', 'Groupe de liaison (Immeubles Val-Martin)'],
    ['Cellule 4.2', 'Cellule 4.2'],
    ['À suivre…', 'À suivre…'],
    ['Et ainsi de suite..', 'Et ainsi de suite..'],
  ])('reads « %s » as « %s »', (raw, expected) => {
    // Act
    const result = withoutClosingPeriod(raw);

    // Assert
    expect(result).toBe(expected);
  });
});
