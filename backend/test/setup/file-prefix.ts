import { relative, resolve } from 'node:path';
import { withDatabase, workerDatabase } from './test-database';

// Each test file gets a Redis prefix of its own (and the database of its Jest worker, below): the run's (global setup) followed by the file's path. One file's
// jobs are then never taken by another file's workers (in process or started as children), and its rate-limit and
// sign-in counters are its own. Jest gives every test file its own copy of process.env, which the app, the workers it
// starts in process and the children it spawns all read: setting it here, before any of them starts, is enough.
//
// Loaded by jest.config.js (setupFilesAfterEnv) for every file of the e2e and browser projects, before the file's own
// modules: nothing else needs to import it.

const ROOT = resolve(__dirname, '../../..');

/** `<run>_<path of the file, letters and digits>`: what QUEUE_PREFIX allows (letters, digits, _ and -). */
export function filePrefix(run: string, testPath: string): string {
  const file = relative(ROOT, testPath)
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '');
  return `${run}_${file}`;
}

// `expect` is Jest's: absent when a support file is loaded by something else (a script).
const testPath = typeof expect === 'undefined' ? undefined : expect.getState().testPath;
const run = process.env.REPERE_TEST_DATABASE;
const base = process.env.REPERE_TEST_BASE_URL;
const worker = process.env.JEST_WORKER_ID;
if (testPath && run) process.env.QUEUE_PREFIX = filePrefix(run, testPath);
// The worker's own copy of the run's database (setup/global-setup.ts): files running at once in other workers never
// see this file's rows. Files that make databases of their own still name them after the run (REPERE_TEST_DATABASE).
if (testPath && run && base && worker) process.env.DATABASE_URL = withDatabase(base, workerDatabase(run, worker));
