import { resolve } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { REPORT_QUEUE } from '@backend/queue/queues';
import { filePrefix } from './setup/file-prefix';
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
