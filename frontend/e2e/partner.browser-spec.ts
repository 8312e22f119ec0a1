import { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';
import { expectNoAxeViolations } from './axe';

// Issue 18, the partner's jobs and the read-only roles, in Chromium against the real API and database: « Mon
// organisme », the steps of its work cells ticked, no editing offered of what the API would refuse, and no « Modifier »
// link for the committee.

const VAL_MARTIN_CELL = 'Groupe de liaison (Immeubles Val-Martin)';

describe("A partner keeps its organization and its work cells' steps; read-only roles are offered no editing", () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ t, browser, origin } = app());
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email: string) => signInAs(page, origin, email);

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.db.query<T[]>(sql, params);
    if (!row) throw new Error(`no row for ${sql}`);
    return row;
  }

  const partnerOrganization = () =>
    one<{ id: string; name: string; acronym: string | null; network: string | null; sector: string | null }>(
      `SELECT o.id, o.name, o.acronym, o.network, o.sector FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.email = 'partenaire@demo.repere.org'`,
    );

  it('edits its own organization in « Mon organisme », in French and in English', async () => {
    const before = await partnerOrganization();
    const sector = `Famille et jeunesse (navigateur ${Date.now()})`;
    try {
      await signIn('partenaire@demo.repere.org');
      await page.getByRole('navigation').getByRole('link', { name: 'Mon organisme' }).click();
      await page.getByRole('heading', { name: 'Mon organisme', level: 1 }).waitFor();
      await eventually(() => expect(page.getByLabel('Nom', { exact: true }).inputValue()).resolves.toBe(before.name));

      await page.getByLabel("Secteur d'activité").fill(sector);
      await page.getByLabel('Réseau').selectOption('communautaire');
      await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
      await page.getByRole('status').getByText('Fiche enregistrée.').waitFor();
      await screenshot(page, 'partner-organization');
      await expectNoAxeViolations(page, '« Mon organisme », saved');

      const after = await partnerOrganization();
      expect(after).toEqual({ ...before, network: 'communautaire', sector });
      // A staff change: written to the history, by the partner.
      const [event] = await t.db.query<{ email: string }[]>(
        `SELECT u.email FROM audit_events a JOIN users u ON u.id = a.actor_id
          WHERE a.entity_type = 'organization' AND a.entity_id = $1 AND a.changes ? 'sector' ORDER BY a.at DESC LIMIT 1`,
        [before.id],
      );
      expect(event?.email).toBe('partenaire@demo.repere.org');

      // Refused in the form: an empty name, said beside the field, nothing sent.
      await page.getByLabel('Nom', { exact: true }).fill('  ');
      await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
      await page.getByText("Entrez le nom de l'organisme.").waitFor();
      await expectNoAxeViolations(page, '« Mon organisme », a field in error');
      expect((await partnerOrganization()).name).toBe(before.name);

      // The same page in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'My organization', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Save the record' }).waitFor();
      await expectNoAxeViolations(page, '« My organization », in English');
    } finally {
      await t.db.query('UPDATE organizations SET network = $2, sector = $3 WHERE id = $1', [before.id, before.network, before.sector]);
    }
  });

  it("is offered no editing of another organization, and a change forced through is refused in the user's language", async () => {
    const own = await partnerOrganization();
    const other = await one<{ id: string; name: string; sector: string | null }>(
      "SELECT id, name, sector FROM organizations WHERE name = 'Centraide' AND archived_at IS NULL",
    );
    await signIn('partenaire@demo.repere.org');

    // Another organization's page, from the directory: its record, no form, no link to edit it.
    await page.goto(`${origin}/organizations?q=Centraide`);
    await page.getByRole('link', { name: 'Centraide', exact: true }).click();
    await page.getByRole('heading', { name: 'Centraide', level: 1 }).waitFor();
    await page.getByText("Secteur d'activité").first().waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Enregistrer/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Modifier/ }).count()).toBe(0);
    await expectNoAxeViolations(page, "another organization's record");

    // Forced: the save of its own record sent to another organization's address. The API refuses (403) and the
    // page says so in French, not with the API's English message.
    await page.route(`**/api/organizations/${own.id}`, async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      await route.continue({ url: route.request().url().replace(own.id, other.id) });
    });
    await page.goto(`${origin}/my-organization`);
    await page.getByLabel("Secteur d'activité").fill('Détourné');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByRole('alert').getByText('Vous ne pouvez modifier que la fiche de votre propre organisme.').waitFor();
    expect(await page.getByText('A partner may only edit its own organization.').count()).toBe(0);
    expect((await one<{ sector: string | null }>('SELECT sector FROM organizations WHERE id = $1', [other.id])).sector).toBe(other.sector);
  });

  it("ticks and unticks a step of its organization's work cell, and reads the others' steps", async () => {
    const cell = await one<{ id: string }>('SELECT id FROM work_cells WHERE name = $1', [VAL_MARTIN_CELL]);
    const step = await one<{ id: string; text: string; done: boolean }>(
      'SELECT id, text, done FROM work_steps WHERE work_cell_id = $1 ORDER BY position LIMIT 1',
      [cell.id],
    );
    const doneOf = async () => (await one<{ done: boolean }>('SELECT done FROM work_steps WHERE id = $1', [step.id])).done;
    try {
      await signIn('partenaire@demo.repere.org');
      await page.getByRole('navigation').getByRole('link', { name: 'Cellules de travail' }).click();
      await page.getByRole('link', { name: VAL_MARTIN_CELL }).click();
      await page.getByRole('heading', { name: VAL_MARTIN_CELL, level: 1 }).waitFor();
      // A partner reads the cell's page with boxes, and without the workspace's edit link.
      expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);

      const box = page.getByRole('checkbox', { name: step.text });
      await eventually(() => expect(box.isChecked()).resolves.toBe(step.done));
      await box.setChecked(!step.done);
      await eventually(() => expect(doneOf()).resolves.toBe(!step.done));
      await eventually(() => expect(box.isChecked()).resolves.toBe(!step.done));
      await screenshot(page, 'partner-work-cell');
      await expectNoAxeViolations(page, "the partner's work cell");

      await box.setChecked(step.done);
      await eventually(() => expect(doneOf()).resolves.toBe(step.done));

      // A cell its organization is not a partner of: the steps' states, no box.
      await page.goto(`${origin}/work-cells`);
      await page.getByRole('link', { name: 'Cellule 4.2' }).click();
      await page.getByRole('heading', { name: 'Cellule 4.2', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Étapes des travaux' }).waitFor();
      expect(await page.getByRole('checkbox').count()).toBe(0);

      // The workspace's editor of its cell, opened by its address: told where a partner's changes are made, not that
      // only evaluators may edit.
      await page.goto(`${origin}/workspace/work-cells/${cell.id}`);
      const note = page.getByRole('note');
      await note.getByRole('link', { name: 'Mon organisme' }).waitFor();
      expect(await note.textContent()).not.toContain('évaluation et l');
      await expectNoAxeViolations(page, "the workspace's editor, as a partner");
    } finally {
      await t.db.query('UPDATE work_steps SET done = $2 WHERE id = $1', [step.id, step.done]);
    }
  });

  it('is offered, to record its counts, the plans its organization takes part in and no other', async () => {
    await signIn('partenaire@demo.repere.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Participation' }).click();
    await page.getByRole('heading', { name: 'Nombre de participants' }).waitFor();
    await page.getByText('Vous enregistrez les comptes de votre organisme').waitFor();
    const plans = page.getByLabel("Plan d'action").locator('option');
    await eventually(() => expect(plans.count()).resolves.toBeGreaterThan(1));
    const offered = await plans.allTextContents();
    // The Laval plan, whose work cells the demo partner (Centre communautaire Val-Martin) is part of; not Parc-Extension's.
    expect(offered.some((title) => title.includes('Laval'))).toBe(true);
    expect(offered.some((title) => title.includes('Parc-Extension'))).toBe(false);
    await expectNoAxeViolations(page, 'the participation page, as a partner');
  });

  it('shows the committee no « Modifier » link and no box on the pages that had them', async () => {
    const plan = await one<{ id: string; title: string }>("SELECT id, title FROM plans WHERE title LIKE '%Parc-Extension%' LIMIT 1");
    const cell = await one<{ id: string }>('SELECT id FROM work_cells WHERE name = $1', [VAL_MARTIN_CELL]);
    const questionnaire = await one<{ id: string }>('SELECT id FROM questionnaires WHERE archived_at IS NULL ORDER BY created_at LIMIT 1');
    const organization = await partnerOrganization();
    await signIn('comite@demo.repere.org');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Mon organisme' }).count()).toBe(0);

    const pages: [path: string, ready: () => Promise<void>][] = [
      [`/plans/${plan.id}`, () => page.getByRole('heading', { name: plan.title, level: 1 }).waitFor()],
      [`/work-cells/${cell.id}`, () => page.getByRole('heading', { name: 'Étapes des travaux' }).waitFor()],
      [`/questionnaires/${questionnaire.id}`, () => page.getByRole('heading', { level: 1 }).waitFor()],
      ['/organizations', () => page.getByRole('table').waitFor()],
      [`/organizations/${organization.id}`, () => page.getByRole('heading', { name: organization.name, level: 1 }).waitFor()],
      ['/workspace', () => page.getByRole('heading', { name: 'Cellules de travail' }).waitFor()],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${origin}${path}`);
      await ready();
      // Whatever loads after the heading (the plan's record, the lists) has had its chance to show a link.
      await eventually(() => expect(page.locator('.loading').count()).resolves.toBe(0));
      expect({ path, links: await page.getByRole('link', { name: /Modifier/ }).count() }).toEqual({ path, links: 0 });
      expect({ path, boxes: await page.getByRole('checkbox').count() }).toEqual({ path, boxes: 0 });
      expect({ path, fields: await page.getByRole('textbox').count() }).toEqual({ path, fields: 0 });
    }
    await expectNoAxeViolations(page, 'the workspace, as the committee');
  });

  it('names each delete button with its visible text first (label-content-name-mismatch), armed or not', async () => {
    const cell = await one<{ id: string }>('SELECT id FROM work_cells WHERE name = $1', [VAL_MARTIN_CELL]);
    const indicator = await one<{ id: string; name: string }>(
      'SELECT id, name FROM indicators WHERE archived_at IS NULL ORDER BY created_at LIMIT 1',
    );
    const questionnaire = await one<{ id: string }>('SELECT id FROM questionnaires WHERE archived_at IS NULL ORDER BY created_at LIMIT 1');
    await signIn('evaluation@demo.repere.org');

    const cases: [path: string, visible: string, confirm: string][] = [
      [`/workspace/work-cells/${cell.id}`, 'Supprimer cette cellule', 'Confirmer la suppression'],
      [`/workspace/indicators/${indicator.id}`, 'Archiver cet indicateur', "Confirmer l'archivage"],
      [`/workspace/questionnaires/${questionnaire.id}`, 'Archiver ce questionnaire', "Confirmer l'archivage"],
    ];
    for (const [path, visible, confirm] of cases) {
      await page.goto(`${origin}${path}`);
      const button = page.getByRole('button', { name: new RegExp(`^${visible} : `) });
      await button.waitFor();
      await expectNoAxeViolations(page, `${path}, its delete button`);
      await button.click();
      await page.getByRole('button', { name: new RegExp(`^${confirm} : `) }).waitFor();
      await expectNoAxeViolations(page, `${path}, the deletion asked to be confirmed`);
      await page.getByRole('group').getByRole('button', { name: 'Annuler' }).click();
      await button.waitFor();
    }
  });
});
