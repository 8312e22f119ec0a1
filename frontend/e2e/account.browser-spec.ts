/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { bearer } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp } from './browser';

// « Mon compte » (issue 15): a staff member changes their own password in the web app, is told in their language
// when the new one is refused, and signs in with the new one afterwards. On a user of its own, so the demo users'
// password stays as the other files expect it.

const app = useBrowserApp();

async function signInAs(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Courriel').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe("My account: one's own password change", () => {
  it("changes the password from the header's « Mon compte », refuses a common one in French, and signs in with the new one", async () => {
    const { t, browser, origin } = app();
    const email = `compte-${Date.now()}@example.org`;
    await t
      .http()
      .post('/api/users')
      .set(bearer(t.tokens.admin))
      .send({ email, password: 'ancien-mot-de-passe', role: 'evaluator' })
      .expect(201);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    try {
      await signInAs(page, origin, email, 'ancien-mot-de-passe');
      await page.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();

      // A common password: refused by the API, said in French beside the field.
      await page.getByLabel('Mot de passe actuel').fill('ancien-mot-de-passe');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('azertyuiop');
      await page.getByLabel('Confirmer le nouveau mot de passe').fill('azertyuiop');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Ce mot de passe fait partie des plus courants : choisissez-en un autre.').waitFor();
      await screenshot(page, 'account-common-password-refused');

      // A wrong current password, then the right change.
      await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('nouvelle-phrase-secrete');
      await page.getByLabel('Confirmer le nouveau mot de passe').fill('nouvelle-phrase-secrete');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Le mot de passe actuel est incorrect.').waitFor();
      await page.getByLabel('Mot de passe actuel').fill('ancien-mot-de-passe');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Votre mot de passe a été changé. Vos autres sessions sont fermées.').waitFor();
      await screenshot(page, 'account-password-changed');

      // Still signed in with the new session: the page's next request is accepted.
      await page.getByRole('link', { name: 'Plans', exact: true }).click();
      await page.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();

      // Sign out; the old password no longer opens the account, the new one does.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await signInAs(page, origin, email, 'ancien-mot-de-passe');
      await page
        .getByRole('alert')
        .filter({ hasText: /incorrect/i })
        .waitFor();
      await page.getByLabel('Mot de passe').fill('nouvelle-phrase-secrete');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();
      await eventually(() => expect(page.getByRole('link', { name: 'Mon compte' }).isVisible()).resolves.toBe(true));
    } finally {
      await context.close();
    }
  });
});
