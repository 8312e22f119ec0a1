import { Browser, Page } from 'playwright-core';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

describe('A steering committee member browses the plans', () => {
  let browser: Browser;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ browser, origin } = app());
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email: string) => signInAs(page, origin, email);

  it('opens the Parc-Extension plan and finds orientation 4 with its actions', async () => {
    await signIn('comite@demo.repere.org');
    await screenshot(page, 'plans');
    await page
      .getByRole('link', { name: /Parc-Extension/ })
      .first()
      .click();
    const orientation = page.getByRole('heading', { name: /Obtenir plus de visibilité dans le quartier/ });
    await orientation.waitFor();
    for (const action of [
      'Mettre en place une Journée de Bienvenue à Parc-Ex',
      'Développement WebTV "Ici Parc-Ex"',
      'Développer la communication de la table à travers les réseaux sociaux',
    ]) {
      await page.getByText(action, { exact: false }).first().waitFor();
    }
    await page.getByText('Annuel – août').first().waitFor();
    await screenshot(page, 'plan-tree');
  });

  it('lists the three Laval work cells with their step progress, and a cell with its partners', async () => {
    await signIn('comite@demo.repere.org');
    await page.getByRole('link', { name: 'Cellules de travail' }).click();
    for (const name of [
      'Groupe de liaison (Immeubles Val-Martin)',
      'Cellule 4.2',
      'Collaboration et accompagnement global et continu des personnes immigrantes',
    ]) {
      await page.getByText(name, { exact: false }).first().waitFor();
    }
    await page.getByText('6 / 8 étapes réalisées').first().waitFor();
    await screenshot(page, 'work-cells');
    await page
      .getByRole('link', { name: /Groupe de liaison/ })
      .first()
      .click();
    await page
      .getByRole('table')
      .getByText(/Office Municipale de l'habitation/)
      .first()
      .waitFor();
    await page.getByText('Développer des projets', { exact: false }).first().waitFor();
    await screenshot(page, 'work-cell');
  });

  it('switches to English and back', async () => {
    await signIn('comite@demo.repere.org');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Work cells' }).waitFor();
    await eventually(() => expect(page.getAttribute('html', 'lang')).resolves.toBe('en'));
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('link', { name: 'Cellules de travail' }).waitFor();
  });

  it('shows an administrator the background queues', async () => {
    await signIn('admin@demo.repere.org');
    await page.getByRole('link', { name: 'Files de traitement' }).click();
    await page.getByRole('rowheader', { name: 'Calcul des indicateurs' }).waitFor();
    await screenshot(page, 'queues');
  });

  it('shows an evaluator the Welcome Day questionnaire with its QR code and what is left to translate', async () => {
    await signIn('evaluation@demo.repere.org');
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('link', { name: 'Journée de Bienvenue à Parc-Ex' }).click();
    // The image itself (its content is checked in questionnaires.e2e-spec.ts) is fetched with the token.
    await page.getByRole('img', { name: /Code QR du lien .*\/q\/bienvenue-parc-ex/ }).waitFor();
    await page.getByRole('heading', { name: 'Traductions manquantes' }).waitFor();
    await screenshot(page, 'questionnaire');
  });

  it('sends a signed-out visitor of a deep link to the login page', async () => {
    await page.goto(`${origin}/work-cells`);
    await page.getByLabel('Courriel').waitFor();
    expect(page.url()).toContain('/login');
  });
});
