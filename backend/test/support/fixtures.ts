import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
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
  /** Unique for a new one: a search by it finds that one alone. */
  name: string;
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
   * so that cleanup removes the cell, and its partnerships, first); on the given objective (its plan's), or none. */
  workCell(options?: { partnerOrganizationId?: string; objectiveId?: string }): Promise<WorkCellFixture>;
  /** A user with a password of its own (a committee member unless told). */
  user(options?: { role?: Role; organizationId?: string }): Promise<UserFixture>;
  /** Have cleanup() delete this resource too (e.g. one a test created itself): `/api/plans/<id>`. */
  track(path: string): void;
  /** Deletes, newest first, what was created (a 404 is fine: a test may have deleted it) and restores what was borrowed. */
  cleanup(): Promise<void>;
}

type PurgeKind = 'plans' | 'questionnaires' | 'indicators' | 'instruments' | 'organizations' | 'orientations' | 'objectives';

/** Deletes evaluations for good with what hangs on them (reports, events, assessments): test cleanup only. */
export async function purgeEvaluations(db: DataSource, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction(async (em) => {
    await em.query('DELETE FROM reports WHERE evaluation_id = ANY($1::uuid[])', [ids]);
    await em.query('DELETE FROM evaluation_events WHERE evaluation_id = ANY($1::uuid[])', [ids]);
    await em.query('DELETE FROM evaluation_assessments WHERE evaluation_id = ANY($1::uuid[])', [ids]);
    await em.query('DELETE FROM evaluations WHERE id = ANY($1::uuid[])', [ids]);
  });
}

/**
 * Test cleanup only: deletes a record and the history the database protects from cascades (responses, counts,
 * manual values, evaluations, reports), children first, in one transaction. An absent record is fine.
 */
export async function purge(db: DataSource, kind: PurgeKind, id: string): Promise<void> {
  const instrumentsOf = { plans: 'SELECT id FROM instruments WHERE plan_id = $1', instruments: 'SELECT $1::uuid' } as Record<
    string,
    string
  >;
  const questionnairesOf = {
    plans: 'SELECT id FROM questionnaires WHERE plan_id = $1',
    questionnaires: 'SELECT $1::uuid',
    instruments: 'SELECT id FROM questionnaires WHERE instrument_id = $1',
  } as Record<string, string>;
  const indicatorsOf = {
    plans: 'SELECT id FROM indicators WHERE plan_id = $1',
    indicators: 'SELECT $1::uuid',
    objectives: 'SELECT id FROM indicators WHERE objective_id = $1',
    orientations: 'SELECT i.id FROM indicators i JOIN objectives o ON o.id = i.objective_id WHERE o.orientation_id = $1',
  } as Record<string, string>;
  await db.transaction(async (em) => {
    if (kind === 'plans') {
      const evaluations = (await em.query<{ id: string }[]>('SELECT id FROM evaluations WHERE plan_id = $1', [id])).map((r) => r.id);
      await em.query('DELETE FROM reports WHERE plan_id = $1 OR evaluation_id = ANY($2::uuid[])', [id, evaluations]);
      await em.query('DELETE FROM evaluation_events WHERE evaluation_id = ANY($1::uuid[])', [evaluations]);
      await em.query('DELETE FROM evaluation_assessments WHERE evaluation_id = ANY($1::uuid[])', [evaluations]);
      await em.query('DELETE FROM evaluations WHERE plan_id = $1', [id]);
      await em.query(
        "DELETE FROM evidence_blobs WHERE key IN (SELECT storage_key FROM evidence_files WHERE plan_id = $1 AND storage = 'postgres')",
        [id],
      );
      await em.query('DELETE FROM evidence_files WHERE plan_id = $1', [id]);
    }
    if (questionnairesOf[kind]) {
      await em.query(`DELETE FROM responses WHERE questionnaire_id IN (${questionnairesOf[kind]})`, [id]);
      await em.query(`DELETE FROM questionnaires WHERE id IN (${questionnairesOf[kind]})`, [id]);
    }
    if (instrumentsOf[kind]) {
      await em.query(
        `DELETE FROM participation_count_revisions WHERE participation_count_id IN
        (SELECT id FROM participation_counts WHERE instrument_id IN (${instrumentsOf[kind]}))`,
        [id],
      );
      await em.query(`DELETE FROM participation_counts WHERE instrument_id IN (${instrumentsOf[kind]})`, [id]);
    }
    if (indicatorsOf[kind]) await em.query(`DELETE FROM indicator_manual_values WHERE indicator_id IN (${indicatorsOf[kind]})`, [id]);
    // A plan part with indicators under it is refused by the API (409 has_indicators): they go first here.
    if (kind === 'orientations' || kind === 'objectives')
      await em.query(`DELETE FROM indicators WHERE id IN (${indicatorsOf[kind]})`, [id]);
    if (kind === 'organizations') {
      await em.query(
        'DELETE FROM participation_count_revisions WHERE participation_count_id IN (SELECT id FROM participation_counts WHERE organization_id = $1)',
        [id],
      );
      await em.query('DELETE FROM participation_counts WHERE organization_id = $1', [id]);
    }
    await em.query(`DELETE FROM ${kind} WHERE id = $1`, [id]);
  });
}

/** A text no other record holds: `prefix-<uuid>`, lower-case. */
export function uniqueText(prefix = 'fixture'): string {
  return `${prefix}-${randomUUID()}`;
}

interface Created {
  id: string;
}
interface OrganizationFields {
  name: string;
  acronym: string | null;
  network: string | null;
  sector: string | null;
}
interface WorkCellView {
  id: string;
  steps: Created[];
  partnerships: Created[];
}

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
      // DELETE archives plans, questionnaires, indicators and organizations, and the database refuses to cascade into
      // history (RESTRICT): what holds history is removed by SQL, children first.
      const purged = /^\/api\/(plans|questionnaires|indicators|instruments|organizations|orientations|objectives)\/([0-9a-f-]{36})$/.exec(
        path,
      );
      if (purged) return purge(t.db, purged[1] as PurgeKind, purged[2]);
      const count = /^\/api\/participation-counts\/([0-9a-f-]{36})$/.exec(path);
      if (count) {
        await t.db.transaction(async (em) => {
          await em.query('DELETE FROM participation_count_revisions WHERE participation_count_id = $1', [count[1]]);
          await em.query('DELETE FROM participation_counts WHERE id = $1', [count[1]]);
        });
        return;
      }
      const res = await t.http().delete(path).set(admin());
      if (res.status !== 204 && res.status !== 404) throw new Error(`Fixture cleanup: DELETE ${path} answered ${res.status}`);
    });
  }

  async function organization(): Promise<OrganizationFixture> {
    const name = uniqueText('Organisme');
    const org = await create('/api/organizations', { name, network: 'communautaire', sector: 'Fixture' });
    return { organizationId: org.id, name };
  }

  return {
    async plan() {
      // Through the current year at least: tests send live responses, dated now, which must fall inside the plan.
      const endYear = Math.max(2026, new Date().getUTCFullYear());
      const plan = await create('/api/plans', { title: uniqueText('Plan'), startDate: '2024-01-01', endDate: `${endYear}-12-31` });
      const orientation = await create('/api/orientations', { planId: plan.id, number: 1, title: 'Orientation fixture' });
      const objective = await create('/api/objectives', { orientationId: orientation.id, code: '1.1', title: 'Objectif fixture' });
      const action = await create('/api/actions', {
        objectiveId: objective.id,
        description: 'Action fixture',
        schedule: { text: 'Annuel – août' },
      });
      const result = await create('/api/expected-results', { objectiveId: objective.id, actionId: action.id, text: 'Résultat fixture' });
      const instrument = await create('/api/instruments', {
        planId: plan.id,
        actionId: action.id,
        kind: 'participation_count',
        name: 'Suivi fixture',
      });
      const indicator = await create('/api/indicators', {
        objectiveId: objective.id,
        actionId: action.id,
        expectedResultId: result.id,
        name: 'Indicateur fixture',
        instrumentIds: [instrument.id],
      });
      return {
        planId: plan.id,
        orientationId: orientation.id,
        objectiveId: objective.id,
        actionId: action.id,
        expectedResultId: result.id,
        instrumentId: instrument.id,
        indicatorId: indicator.id,
      };
    },

    organization,

    async existingOrganization(organizationId) {
      const res = await t.http().get(`/api/organizations/${organizationId}`).set(admin()).expect(200);
      const { name, acronym, network, sector } = res.body as OrganizationFields;
      undo.push(async () => {
        await t.http().patch(`/api/organizations/${organizationId}`).set(admin()).send({ name, acronym, network, sector }).expect(200);
      });
      return { organizationId, name };
    },

    async workCell(options = {}) {
      const partnerOrganizationId = options.partnerOrganizationId ?? (await organization()).organizationId;
      const cell = await create<WorkCellView>('/api/work-cells', {
        name: uniqueText('Cellule'),
        ...(options.objectiveId ? { objectiveId: options.objectiveId } : {}),
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
        email,
        password,
        role: options.role ?? 'committee',
        organizationId: options.organizationId ?? null,
        displayName: 'Fixture',
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
