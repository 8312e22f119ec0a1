import { randomUUID } from 'node:crypto';
import type { Role } from '@backend/users/role';
import { bearer, TestApp } from './test-app';

// Records created through the API as the demo admin, with names no other test uses, so that tests running
// at the same time on the run's database never meet each other's data. Each factory returns the ids.

export interface PlanFixture {
  planId: string;
  orientationId: string;
  objectiveId: string;
  actionId: string;
  expectedResultId: string;
  instrumentId: string;
  indicatorId: string;
}

export interface OrganizationFixture {
  organizationId: string;
}

export interface WorkCellFixture {
  workCellId: string;
  workStepId: string;
  partnershipId: string;
  /** The organization of the cell's one partnership. */
  partnerOrganizationId: string;
}

export interface UserFixture {
  userId: string;
  email: string;
  password: string;
}

export interface Fixtures {
  /** A plan with one orientation › objective › action, an expected result of the action, an instrument following
   * the action and an indicator of the action fed by that instrument. */
  plan(): Promise<PlanFixture>;
  organization(): Promise<OrganizationFixture>;
  /** An organization that exists already (e.g. a demo partner's), whose fields are put back on cleanup. */
  existingOrganization(organizationId: string): Promise<OrganizationFixture>;
  /** A work cell with one step and one partnership, with the given organization or a new one (made before the cell,
   * so that cleanup removes the cell, and its partnerships, first). */
  workCell(options?: { partnerOrganizationId?: string }): Promise<WorkCellFixture>;
  /** A user with a password of its own (a committee member unless told). */
  user(options?: { role?: Role; organizationId?: string }): Promise<UserFixture>;
  /** Have cleanup() delete this resource too (e.g. one a test created itself): `/api/plans/<id>`. */
  track(path: string): void;
  /** Deletes, newest first, what was created (a 404 is fine: a test may have deleted it) and restores what was borrowed. */
  cleanup(): Promise<void>;
}

/** A text no other record holds: `prefix-<uuid>`, lower-case. */
export function uniqueText(prefix = 'fixture'): string {
  return `${prefix}-${randomUUID()}`;
}

interface Created { id: string }
interface OrganizationFields { name: string; acronym: string | null; network: string | null; sector: string | null }
interface WorkCellView { id: string; steps: Created[]; partnerships: Created[] }

export function fixtures(t: TestApp): Fixtures {
  const undo: (() => Promise<void>)[] = [];
  const admin = () => bearer(t.tokens.admin);

  async function create<T extends Created>(path: string, body: object): Promise<T> {
    const res = await t.http().post(path).set(admin()).send(body);
    if (res.status !== 201) throw new Error(`Fixture: POST ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    const created = res.body as T;
    track(`${path}/${created.id}`);
    return created;
  }

  function track(path: string): void {
    undo.push(async () => {
      const res = await t.http().delete(path).set(admin());
      if (res.status !== 204 && res.status !== 404) throw new Error(`Fixture cleanup: DELETE ${path} answered ${res.status}`);
    });
  }

  async function organization(): Promise<OrganizationFixture> {
    const org = await create('/api/organizations', { name: uniqueText('Organisme'), network: 'communautaire', sector: 'Fixture' });
    return { organizationId: org.id };
  }

  return {
    async plan() {
      // Through the current year at least: tests send live responses, dated now, which must fall inside the plan.
      const endYear = Math.max(2026, new Date().getUTCFullYear());
      const plan = await create('/api/plans', { title: uniqueText('Plan'), startDate: '2024-01-01', endDate: `${endYear}-12-31` });
      const orientation = await create('/api/orientations', { planId: plan.id, number: 1, title: 'Orientation fixture' });
      const objective = await create('/api/objectives', { orientationId: orientation.id, code: '1.1', title: 'Objectif fixture' });
      const action = await create('/api/actions', { objectiveId: objective.id, description: 'Action fixture', schedule: { text: 'Annuel – août' } });
      const result = await create('/api/expected-results', { objectiveId: objective.id, actionId: action.id, text: 'Résultat fixture' });
      const instrument = await create('/api/instruments', { planId: plan.id, actionId: action.id, kind: 'participation_count', name: 'Suivi fixture' });
      const indicator = await create('/api/indicators', {
        objectiveId: objective.id, actionId: action.id, expectedResultId: result.id, name: 'Indicateur fixture', instrumentIds: [instrument.id],
      });
      return {
        planId: plan.id, orientationId: orientation.id, objectiveId: objective.id, actionId: action.id,
        expectedResultId: result.id, instrumentId: instrument.id, indicatorId: indicator.id,
      };
    },

    organization,

    async existingOrganization(organizationId) {
      const res = await t.http().get(`/api/organizations/${organizationId}`).set(admin()).expect(200);
      const { name, acronym, network, sector } = res.body as OrganizationFields;
      undo.push(async () => {
        await t.http().patch(`/api/organizations/${organizationId}`).set(admin()).send({ name, acronym, network, sector }).expect(200);
      });
      return { organizationId };
    },

    async workCell(options = {}) {
      const partnerOrganizationId = options.partnerOrganizationId ?? (await organization()).organizationId;
      const cell = await create<WorkCellView>('/api/work-cells', {
        name: uniqueText('Cellule'),
        mandate: 'Cellule de travail créée par un test',
        steps: [{ text: 'Étape fixture', phase: 'PHASE 1', date: '2024-03-01' }],
        partnerships: [{ organizationId: partnerOrganizationId, network: 'communautaire', sector: 'Fixture' }],
      });
      return { workCellId: cell.id, workStepId: cell.steps[0].id, partnershipId: cell.partnerships[0].id, partnerOrganizationId };
    },

    async user(options = {}) {
      const email = `${uniqueText('user')}@example.org`;
      const password = 'fixture-password-1234';
      const user = await create('/api/users', {
        email, password, role: options.role ?? 'committee', organizationId: options.organizationId ?? null, displayName: 'Fixture',
      });
      return { userId: user.id, email, password };
    },

    track,

    async cleanup() {
      const steps = undo.splice(0).reverse();
      for (const step of steps) await step();
    },
  };
}
