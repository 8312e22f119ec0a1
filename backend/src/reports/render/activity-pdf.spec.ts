import { renderActivityPdf } from './activity-pdf';
import { pdfPageCount, pdfPlainText, pdfText } from './pdf-text';
import { activityInput, PLAN_TITLE } from './report-input.factory';

describe(renderActivityPdf.name, () => {
  it("is the plan's « rapport d'activité annuel » for the year, with numbered pages", async () => {
    // Arrange / Act
    const pdf = await renderActivityPdf(activityInput());
    const text = pdfPlainText(pdf);
    // Assert
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Rapport d'activité annuel 2022");
    expect(text).toContain(PLAN_TITLE);
    expect(text).toContain('Période : 1 janvier 2022 – 31 décembre 2022');
    expect(text).toContain(`Page 1 de ${pdfPageCount(pdf)}`);
  });

  it('lists the actions with their schedule as written, and what falls due in the year', async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderActivityPdf(activityInput()));
    // Assert
    expect(text).toContain('1. Moyens-actions et échéancier');
    expect(text).toContain(
      'Assurer le leadership du processus de relocalisation 31 décembre 2022 31 décembre 2022 Table de quartier et partenaires',
    );
    expect(text).toContain('Rencontrer les partenaires principaux En continu');
  });

  it('has the work steps done in the year, the participation and the stored indicator values of the year', async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderActivityPdf(activityInput()));
    // Assert
    expect(text).toContain('Cellule 4.2 (4.2) Portrait des besoins PHASE 1 1 mars 2022');
    expect(text).toContain('Journée de Bienvenue à Parc-Ex Nombre de participants 1 185 Total 1 185');
    expect(text).toContain('Nombre de participants à la Journée de Bienvenue (participants) 185 185 325 325 550');
  });

  it('keeps a suppressed value suppressed', async () => {
    // Arrange / Act
    const lines = pdfText(await renderActivityPdf(activityInput())).split('\n');
    // Assert
    const at = lines.indexOf('Participants non binaires');
    expect(lines.slice(at + 1, at + 5)).toEqual(['supprimé', 'supprimé', 'supprimé', 'supprimé']);
  });

  it('says so when a section is empty, in English when asked', async () => {
    // Arrange / Act
    const text = pdfPlainText(await renderActivityPdf(activityInput({ language: 'en', workSteps: [], participation: [], indicators: [] })));
    // Assert
    expect(text).toContain('Annual activity report 2022');
    expect(text).toContain('No step done is dated in this year.');
    expect(text).toContain('No participation counted this year.');
    expect(text).toContain('No value computed for this year.');
  });
});
