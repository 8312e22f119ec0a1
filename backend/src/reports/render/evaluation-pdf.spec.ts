import { renderEvaluationPdf } from './evaluation-pdf';
import { pdfPageCount, pdfPlainText, pdfText } from './pdf-text';
import { evaluationInput, evaluationSnapshot, indicatorSnapshot, PLAN_TITLE } from './report-input.factory';

describe(renderEvaluationPdf.name, () => {
  it('is an A4 PDF with a cover, a summary and a page per orientation, each numbered', async () => {
    // Arrange
    const input = evaluationInput();
    // Act
    const pdf = await renderEvaluationPdf(input);
    // Assert
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = pdfPlainText(pdf);
    for (let n = 1; n <= pages; n += 1) expect(text).toContain(`Page ${n} de ${pages}`);
  });

  it("says what it is in French: the plan's title, « Évaluation à mi-parcours », the cut-off date", async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderEvaluationPdf(evaluationInput()));
    // Assert
    expect(text).toContain(PLAN_TITLE);
    expect(text).toContain('Évaluation à mi-parcours');
    expect(text).toContain('Date de coupure : 30 septembre 2022');
    expect(text).toContain('Orientation 3 — Accueil et intégration des nouveaux arrivants');
    expect(text).toContain('Objectif 3.1 — Accueillir les nouveaux résidents du quartier');
  });

  it('counts the indicators per status in its summary', async () => {
    // Arrange / Act
    const lines = pdfText(await renderEvaluationPdf(evaluationInput())).split('\n');
    // Assert: each status label is followed by its count
    const countAfter = (label: string) => lines[lines.indexOf(label) + 1];
    expect(countAfter('En bonne voie')).toBe('1');
    expect(countAfter('À risque')).toBe('1');
    expect(countAfter('Sans donnée')).toBe('1');
    expect(countAfter('Atteint')).toBe('0');
  });

  it('writes every indicator with its series (periods, values, n) and its ADS+ breakdowns', async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderEvaluationPdf(evaluationInput()));
    // Assert
    expect(text).toContain('Nombre de participants à la Journée de Bienvenue');
    expect(text).toContain('Période Valeur n Valeur cumulée n cumulé 2021 140 140 140 140 2022 185 185 325 325');
    expect(text).toContain('Selon : Genre Catégorie Valeur n Femme 180 180 Homme 141 141');
    expect(text).toContain("Selon : Groupe d'âge");
    expect(text).toContain('43,33');
  });

  it('writes suppressed cells « supprimé », never 0 nor a number', async () => {
    // Arrange / Act
    const lines = pdfText(await renderEvaluationPdf(evaluationInput())).split('\n');
    // Assert: the suppressed categories' value and n cells
    for (const category of ['Personne non binaire', 'Non consigné', '65 ans et plus', 'Moins de 18 ans']) {
      const at = lines.indexOf(category);
      expect(at).toBeGreaterThan(-1);
      expect(lines.slice(at + 1, at + 3)).toEqual(['supprimé', 'supprimé']);
    }
    expect(lines.join(' ')).toContain(
      "Pour protéger les personnes, chaque chiffre publié peut différer du vrai d'au plus 2 ; « supprimé » : trop peu de personnes",
    );
  });

  it("writes the committee's assessment of each objective, and says when there is none", async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderEvaluationPdf(evaluationInput()));
    // Assert
    expect(text).toContain('Appréciation du comité Appréciation : En bonne voie');
    expect(text).toContain('Commentaire : La Journée de Bienvenue rejoint de plus en plus de familles.');
    expect(text).toContain('Recommandations : Traduire le questionnaire en ourdou.');
    expect(text).toContain("Le comité n'a pas encore apprécié cet objectif.");
  });

  it('is written in English when asked', async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderEvaluationPdf(evaluationInput({ language: 'en' })));
    // Assert
    expect(text).toContain('Mid-term evaluation');
    expect(text).toContain('Cut-off date: September 30, 2022');
    expect(text).toContain('Non-binary person suppressed suppressed');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('supprimé');
  });

  it('sets baseline, mid-term and final side by side in a final evaluation', async () => {
    // Arrange
    const input = evaluationInput({
      kind: 'final',
      snapshot: evaluationSnapshot({ cutoff: '2023-12-31' }),
      midterm: { cutoff: '2022-09-30', values: { '00000000-0000-4000-8000-000000000101': { value: 300, n: 300 } } },
    });
    // Act
    const text = pdfPlainText(await renderEvaluationPdf(input));
    // Assert
    expect(text).toContain('Évaluation finale');
    expect(text).toContain('Valeur de référence Valeur à mi-parcours Valeur finale');
    expect(text).toContain('0 (28 juin 2021) 300 (n = 300) 325 (n = 325)');
    expect(text).toContain('Référence › mi-parcours › finale : 0 › 300 › 325');
  });

  it('draws each chart in vector: the series, the baseline and the targets as lines, no image', async () => {
    // Arrange / Act
    const pdf = await renderEvaluationPdf(evaluationInput());
    const text = pdfPlainText(pdf);
    // Assert
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
    expect(text).toContain('Cible à mi-parcours 250');
    expect(text).toContain('Cible finale 550');
    expect(text).toContain('Valeur de référence 0');
    expect(text).toContain('Mi-parcours');
  });

  it('names cumulative values in the legend, and says where an axis that does not start at zero starts', async () => {
    // Arrange: a sum drawn as running totals, and a mean on a scale between 3.4 and 4.2 (its axis from 3.25)
    const snapshot = evaluationSnapshot();
    snapshot.orientations[0].objectives[0].indicators = [
      indicatorSnapshot({ unit: null }),
      indicatorSnapshot({
        id: '00000000-0000-4000-8000-000000000199',
        name: 'Satisfaction moyenne',
        kind: 'scale_mean',
        unit: null,
        baseline: { value: null, date: null },
        midtermTarget: null,
        finalTarget: null,
        series: [
          {
            period: '2021-01-01',
            value: 3.4,
            n: 40,
            suppressed: false,
            cumulativeValue: 3.4,
            cumulativeN: 40,
            cumulativeSuppressed: false,
          },
          {
            period: '2022-01-01',
            value: 4.2,
            n: 40,
            suppressed: false,
            cumulativeValue: 3.8,
            cumulativeN: 80,
            cumulativeSuppressed: false,
          },
        ],
      }),
    ];
    // Act
    const french = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot })));
    const english = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot, language: 'en' })));
    // Assert
    expect(french).toContain('Valeur cumulée');
    expect(french).toMatch(/Axe tronqué\s: commence à 3,25/);
    expect(english).toContain('Cumulative value');
    expect(english).toContain('Axis starts at 3.25');
  });

  it('survives text a standard PDF font cannot show, and an objective without indicators', async () => {
    // Arrange
    const snapshot = evaluationSnapshot();
    snapshot.orientations[0].objectives[0].indicators = [indicatorSnapshot({ name: 'Participants — مرحبا → 😀' })];
    snapshot.orientations[1].objectives[0].indicators = [];
    // Act
    const text = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot })));
    // Assert
    expect(text).toContain('Participants — ????? -> ?');
    expect(text).toContain('Aucun indicateur.');
  });

  describe('annex of evidence', () => {
    const minutes = {
      id: '00000000-0000-4000-8000-000000000701',
      title: 'Compte rendu de la Journée de Bienvenue',
      date: '2022-06-18',
      mediaType: 'application/pdf' as const,
      ownerKind: 'participation_count' as const,
      url: '/api/evidence/00000000-0000-4000-8000-000000000701/file',
    };
    const photo = {
      ...minutes,
      id: '00000000-0000-4000-8000-000000000702',
      title: "Photo de l'accueil",
      date: '2022-06-19',
      mediaType: 'image/jpeg' as const,
      url: '/api/evidence/00000000-0000-4000-8000-000000000702/file',
    };
    const withEvidence = () => {
      const snapshot = evaluationSnapshot();
      const [first, ...others] = snapshot.orientations[0].objectives[0].indicators;
      first.evidence = [minutes, photo];
      for (const other of others) other.evidence = [];
      return snapshot;
    };

    it('names, per indicator, the evidence the snapshot listed at its cut-off: title, date and type', async () => {
      // Arrange
      const snapshot = withEvidence();
      // Act
      const french = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot })));
      const english = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot, language: 'en' })));
      // Assert
      const annex = french.slice(french.indexOf('Annexe — Pièces justificatives'));
      expect(annex).not.toBe(french);
      expect(annex).toContain('Nombre de participants à la Journée de Bienvenue');
      expect(annex).toContain('Pièce Date Type Compte rendu de la Journée de Bienvenue 18 juin 2022 PDF');
      expect(annex).toContain("Photo de l'accueil 19 juin 2022 JPG");
      // An indicator without evidence is not named in the annex.
      expect(annex).not.toContain('Part des nouveaux résidents qui connaissent la Table de quartier');
      expect(english).toContain('Appendix — Evidence');
      expect(english).toContain('Document Date Type Compte rendu de la Journée de Bienvenue June 18, 2022 PDF');
    });

    it('says when no file supported any indicator at the cut-off', async () => {
      // Arrange
      const snapshot = evaluationSnapshot();
      for (const o of snapshot.orientations) for (const x of o.objectives) for (const i of x.indicators) i.evidence = [];
      // Act
      const text = pdfPlainText(await renderEvaluationPdf(evaluationInput({ snapshot })));
      // Assert
      expect(text).toContain('Annexe — Pièces justificatives');
      expect(text).toContain('Aucune pièce justificative à la date de coupure.');
    });

    it('is left out of a snapshot frozen before evidence was kept, which cannot say what there was', async () => {
      // Arrange / Act: the factory's snapshot has no `evidence` field, as those frozen before it existed
      const text = pdfPlainText(await renderEvaluationPdf(evaluationInput()));
      // Assert
      expect(text).not.toContain('Annexe — Pièces justificatives');
    });
  });
});
