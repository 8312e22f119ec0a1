import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '@backend/app.factory';
import { runMigrations } from '@backend/database/migrate';
import { LAVAL_PRDS_PLAN } from '@backend/demo/laval-prds-plan';
import { LAVAL_WORK_CELLS } from '@backend/demo/laval-work-cells';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { writePlan } from '@backend/imports/writers/plan-writer';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { hashPassword } from '@backend/users/password';
import { User } from '@backend/users/user.entity';
import { createDatabase, onServer } from './setup/test-database';
import { planSnapshot, workCellSnapshot } from './support/plan-snapshot';
import { bearer, startTestApp } from './support/test-app';

// The issue's « Done when »: the action-plan seed and the three work-cell seeds, imported into an empty database,
// give the same plan and work cells as the demo data. Each side gets a database of its own, so that no other test
// file's changes to the demo data can make them differ.

const SEEDS = join(__dirname, 'fixtures/seeds');
const WORK_CELL_SEEDS = ['000_030d30e79bcacd50.txt', '001_c3c9cf7dd883bb2b.txt', '002_d170f741c5110f1a.txt'];
const run = process.env.REPERE_TEST_DATABASE ?? 'repere_test';
const base = process.env.REPERE_TEST_BASE_URL ?? process.env.DATABASE_URL!;
const saved = { DATABASE_URL: process.env.DATABASE_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX };

/** Points the next app at a fresh, migrated database and queue prefix of its own. */
async function freshDatabase(suffix: string): Promise<void> {
  const url = await createDatabase(base, `${run}_${suffix}`);
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.QUEUE_PREFIX = `${run}_${suffix}`;
}

async function snapshots(db: DataSource): Promise<unknown> {
  return {
    plan: await planSnapshot(db, PARC_EXTENSION_PLAN.title),
    cells: await Promise.all(LAVAL_WORK_CELLS.map((c) => workCellSnapshot(db, c.name))),
  };
}

describe('The seed documents imported into an empty database', () => {
  afterAll(async () => {
    Object.assign(process.env, saved);
    for (const suffix of ['demo', 'import'])
      await onServer(base, (c) => c.query(`DROP DATABASE IF EXISTS "${run}_${suffix}" WITH (FORCE)`));
  });

  it('give the same plan and work cells as the demo data', async () => {
    // Arrange: the demo data, in a database of its own.
    await freshDatabase('demo');
    const demo = await startTestApp();
    const expected = await snapshots(demo.db);
    await demo.close();

    // Act: an empty database where an evaluator imports the four documents through the API. The fiches name
    // sub-objectives of the Laval PRDS plan, which no seed holds: it is written first, as the demo does.
    await freshDatabase('import');
    const app: NestFastifyApplication = await createApp();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const db = app.get<DataSource>(getDataSourceToken());
      expect(await db.query('SELECT count(*)::int AS n FROM plans')).toEqual([{ n: 0 }]);
      await db.manager.save(
        db.manager.create(User, {
          email: 'evaluation@import.test',
          role: 'evaluator',
          displayName: 'Évaluatrice',
          passwordHash: await hashPassword('mot-de-passe-import'),
        }),
      );
      const laval = await db.transaction((em) =>
        writePlan(
          em,
          app.get(OrganizationsService),
          { ...LAVAL_PRDS_PLAN, ownerName: LAVAL_PRDS_PLAN.owner?.name ?? null },
          'America/Toronto',
        ),
      );
      const http = () => request(app.getHttpServer());
      const login = await http()
        .post('/api/auth/login')
        .send({ email: 'evaluation@import.test', password: 'mot-de-passe-import' })
        .expect(200);
      const auth = bearer((login.body as { accessToken: string }).accessToken);
      const runner = app.get(ImportRunnerService);

      async function importFile(kind: string, file: string, options: object): Promise<void> {
        const up = await http()
          .post(`/api/imports?kind=${kind}&fileName=${file}`)
          .set(auth)
          .set('Content-Type', 'text/plain')
          .send(readFileSync(join(SEEDS, file)))
          .expect(202);
        const id = (up.body as { id: string }).id;
        const patched = await http().patch(`/api/imports/${id}`).set(auth).send({ options }).expect(202);
        await runner.analyze(id, (patched.body as { generation: number }).generation);
        const previewed = await http().get(`/api/imports/${id}`).set(auth).expect(200);
        expect({ file, status: previewed.body.status, problems: previewed.body.problems }).toEqual({ file, status: 'ready', problems: [] });
        await http().post(`/api/imports/${id}/confirm`).set(auth).expect(202);
        await runner.commit(id, (patched.body as { generation: number }).generation);
        expect((await http().get(`/api/imports/${id}`).set(auth).expect(200)).body).toMatchObject({ status: 'done' });
      }
      await importFile('plan', '003_ae833e418bd2f86e.txt', {
        title: PARC_EXTENSION_PLAN.title,
        ownerName: PARC_EXTENSION_PLAN.owner?.name,
        description: PARC_EXTENSION_PLAN.description,
      });
      for (const file of WORK_CELL_SEEDS) await importFile('work-cell', file, { planId: laval.id });
      const actual = await snapshots(db);

      // Assert
      expect(actual).toEqual(expected);
      expect((actual as { plan: { orientations: unknown[] } }).plan.orientations).toHaveLength(4);
      expect((actual as { cells: unknown[] }).cells).not.toContain(null);
    } finally {
      await app.close();
    }
  });
});
