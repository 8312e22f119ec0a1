import { resolve } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { REPORT_QUEUE } from '@backend/queue/queues';
import { MIGRATIONS } from '@backend/database/migrations';
import { filePrefix } from './setup/file-prefix';
import { workerDatabase } from './setup/test-database';
import { startTestApp, TestApp } from './support/test-app';

// Test files run at the same time on one Redis: each has a prefix of its own (setup/file-prefix.ts), so that the jobs
// one file's API queues are never taken by another file's workers.
describe("A test file's Redis prefix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is the run's, followed by the file's path", () => {
    // Arrange / Act
    const prefix = process.env.QUEUE_PREFIX;
    // Assert
    expect(prefix).toBe(`${process.env.REPERE_TEST_DATABASE}_backend-test-file-prefix-e2e-spec`);
  });

  it('tells apart files of the same name in the API and browser specs', () => {
    // Arrange / Act
    const prefixes = ['backend/test/evaluations.e2e-spec.ts', 'frontend/e2e/evaluations.browser-spec.ts'].map((file) =>
      filePrefix('run', resolve(__dirname, '../..', file)),
    );
    // Assert
    expect(prefixes).toEqual(['run_backend-test-evaluations-e2e-spec', 'run_frontend-e2e-evaluations-browser-spec']);
  });

  it("is what the app's queues use", () => {
    // Arrange / Act
    const queue = t.app.get<Queue>(getQueueToken(REPORT_QUEUE));
    // Assert
    expect(queue.opts.prefix).toBe(`${process.env.QUEUE_PREFIX}:bull`);
  });
});

// Files also run at the same time on one PostgreSQL: each Jest worker has its own migrated copy of the run's database.
describe("A test file's database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is its Jest worker's copy of the run's database, migrated", async () => {
    // Arrange / Act
    const [{ name, migrations }] = await t.db.query<{ name: string; migrations: number }[]>(
      'SELECT current_database() AS name, (SELECT count(*)::int FROM migrations) AS migrations',
    );
    // Assert
    expect(name).toBe(workerDatabase(process.env.REPERE_TEST_DATABASE!, process.env.JEST_WORKER_ID!));
    expect(migrations).toBe(MIGRATIONS.length);
  });
});
