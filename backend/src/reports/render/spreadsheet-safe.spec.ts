import { neutralizeFormula } from './spreadsheet-safe';

describe(neutralizeFormula.name, () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('prefixes %j, which would start a formula, with a single quote', (text, expected) => {
    // Arrange / Act / Assert
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it.each(['Journée de Bienvenue', ' =1+1', "'déjà", '3.1', ''])('leaves %j as it is', (text) => {
    // Arrange / Act / Assert
    expect(neutralizeFormula(text)).toBe(text);
  });
});
