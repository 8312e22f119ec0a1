/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { uniqueText } from '../../backend/test/support/fixtures';
import { bearer } from '../../backend/test/support/test-app';
import { eventually, screenshot, signIn, useBrowserApp } from './browser';
import { expectNoAxeViolations } from './axe';

// « Utilisateurs » (issue 18): an admin opens accounts in the web app, by invitation link or temporary password; the
// person opens the link and chooses a password, or signs in with the temporary one and is made to change it first.
// On accounts of this file's own; the demo users keep their password.

const app = useBrowserApp();

async function signInWith(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Courriel').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('Users page: invitations and temporary passwords', () => {
  const created: string[] = [];

  afterAll(async () => {
    const { t } = app();
    for (const email of created) {
      const [row] = await t.db.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [email]);
      if (row) await t.http().delete(`/api/users/${row.id}`).set(bearer(t.tokens.admin));
    }
  });

  it('an admin invites a partner, who opens the link, chooses a password and signs in with it', async () => {
    const { browser, origin } = app();
    const email = `${uniqueText('partenaire')}@example.org`.toLowerCase();
    created.push(email);
    const adminContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const personContext = await browser.newContext({ locale: 'fr-FR', bypassCSP: true });
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, origin, 'admin@demo.repere.org');
      await admin.getByRole('link', { name: 'Utilisateurs' }).click();
      await admin.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
      await admin.getByRole('rowheader', { name: /admin@demo\.repere\.org/ }).waitFor();

      // A partner needs an organization: said beside the field
      await admin.getByLabel('Courriel').fill(email);
      await admin.getByLabel('Nom (facultatif)').fill('Nadia Partenaire');
      await admin.getByLabel('Rôle', { exact: true }).selectOption('partner');
      await admin.getByRole('button', { name: 'Créer le compte' }).click();
      await admin.getByText("Choisissez l'organisme du partenaire.").waitFor();

      const organization = admin.getByLabel('Organisme (obligatoire pour un partenaire)');
      const valMartin = await organization.locator('option', { hasText: 'Val-Martin' }).first().getAttribute('value');
      await organization.selectOption(valMartin ?? '');
      await admin.getByLabel("Lien d'invitation : la personne choisit son mot de passe", { exact: false }).check();
      await admin.getByRole('button', { name: 'Créer le compte' }).click();
      await admin.getByRole('heading', { name: `Lien d'invitation pour ${email}` }).waitFor();
      const link = await admin.getByLabel("Lien d'invitation", { exact: true }).inputValue();
      expect(link).toMatch(new RegExp(`^${origin}/invitation/[A-Za-z0-9_-]{40,}$`));
      await eventually(() =>
        expect(admin.getByRole('row', { name: new RegExp(email) }).textContent()).resolves.toMatch(/Invitation en attente/),
      );
      const row = admin.getByRole('row', { name: new RegExp(email) });
      expect(await row.textContent()).toContain('Val-Martin');
      expect(await row.textContent()).toContain('Partenaire');
      await expectNoAxeViolations(admin, 'users page with a link shown');
      await screenshot(admin, 'admin-users');

      // The person opens the link
      const person = await personContext.newPage();
      await person.goto(link);
      await person.getByRole('heading', { name: 'Choisir votre mot de passe', level: 1 }).waitFor();
      await person.getByText(`Ce lien ouvre le compte ${email} (Partenaire).`, { exact: false }).waitFor();
      await expectNoAxeViolations(person, 'invitation page');
      await screenshot(person, 'invitation');
      await person.getByLabel('Mot de passe', { exact: true }).fill('azertyuiop');
      await person.getByLabel('Confirmer le mot de passe').fill('azertyuiop');
      await person.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
      await person.locator('#invitation-password-error').waitFor();
      expect(await person.locator('#invitation-password-error').textContent()).not.toMatch(/commonly used/);
      await person.getByLabel('Mot de passe', { exact: true }).fill('ma-phrase-de-partenaire');
      await person.getByLabel('Confirmer le mot de passe').fill('ma-phrase-de-partenaire');
      await person.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
      await person.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();

      // The link is used up; the password opens the account
      await person.getByRole('button', { name: 'Se déconnecter' }).click();
      await person.goto(link);
      await person.getByRole('alert').waitFor();
      await signInWith(person, origin, email, 'ma-phrase-de-partenaire');
      await person.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();

      // Back on the admin's page, the account is active
      await admin.reload();
      await eventually(() => expect(admin.getByRole('row', { name: new RegExp(email) }).textContent()).resolves.toMatch(/Actif/));
    } finally {
      await adminContext.close();
      await personContext.close();
    }
  });

  it('an admin gives a temporary password; the person signs in and must change it before anything else', async () => {
    const { browser, origin } = app();
    const email = `${uniqueText('evaluation')}@example.org`.toLowerCase();
    created.push(email);
    const adminContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const personContext = await browser.newContext({ locale: 'fr-FR', bypassCSP: true });
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, origin, 'admin@demo.repere.org');
      await admin.goto(`${origin}/admin/users`);
      await admin.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
      await admin.getByLabel('Courriel').fill(email);
      await admin.getByLabel('Rôle', { exact: true }).selectOption('evaluator');
      await admin.getByLabel('Mot de passe temporaire : à changer', { exact: false }).check();
      await admin.getByRole('button', { name: 'Créer le compte' }).click();
      await admin.getByRole('heading', { name: `Mot de passe temporaire pour ${email}` }).waitFor();
      const temporary = await admin.getByLabel('Mot de passe temporaire', { exact: true }).inputValue();
      expect(temporary.length).toBeGreaterThanOrEqual(10);

      // Signed in with it: only the forced change is shown, whatever page was asked for
      const person = await personContext.newPage();
      await signInWith(person, origin, email, temporary);
      await person.getByRole('heading', { name: 'Changez votre mot de passe temporaire', level: 1 }).waitFor();
      await person.goto(`${origin}/plans`);
      await person.getByRole('heading', { name: 'Changez votre mot de passe temporaire', level: 1 }).waitFor();
      expect(await person.getByRole('navigation').count()).toBe(0);
      await expectNoAxeViolations(person, 'forced password change');
      await screenshot(person, 'must-change-password');

      // The same password again is refused, in French
      await person.getByLabel('Mot de passe temporaire').fill(temporary);
      await person.getByLabel('Nouveau mot de passe', { exact: true }).fill(temporary);
      await person.getByLabel('Confirmer le nouveau mot de passe').fill(temporary);
      await person.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
      await person.getByText("Le nouveau mot de passe doit être différent de l'actuel.").waitFor();
      await person.getByLabel('Nouveau mot de passe', { exact: true }).fill('ma-phrase-d-evaluatrice');
      await person.getByLabel('Confirmer le nouveau mot de passe').fill('ma-phrase-d-evaluatrice');
      await person.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
      await person.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();
      await person.getByRole('navigation', { name: 'Navigation principale' }).waitFor();

      // The admin deactivates the account: signing in is refused
      await admin.getByRole('button', { name: "J'ai transmis l'accès" }).click();
      await admin.getByRole('button', { name: `Gérer ${email}` }).click();
      await admin.getByRole('heading', { name: `Gérer le compte de ${email}` }).waitFor();
      await admin.getByRole('button', { name: 'Désactiver le compte' }).click();
      await admin.getByText('Le compte est désactivé', { exact: false }).waitFor();
      await eventually(() => expect(admin.getByRole('row', { name: new RegExp(email) }).textContent()).resolves.toMatch(/Désactivé/));
      const again = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await signInWith(again, origin, email, 'ma-phrase-d-evaluatrice');
      await again
        .getByRole('alert')
        .filter({ hasText: /désactivé/ })
        .waitFor();
      await again.context().close();
    } finally {
      await adminContext.close();
      await personContext.close();
    }
  });

  it('is not in the menu of a non-admin', async () => {
    const { browser, origin } = app();
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await signIn(page, origin, 'evaluation@demo.repere.org');
      await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
      expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
