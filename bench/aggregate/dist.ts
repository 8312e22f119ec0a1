import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The backend as the API and the workers run it: the compiled dist/ (`npm run build:server`), with its decorator
// metadata. Nest's DI is not used: AggregationService is constructed by hand with a DataSource made from
// dataSourceOptions(). BENCH_DIST points at another build (a scratch copy with a changed source-queries.js, to
// compare); every module comes from that one root so that entity classes are the ones its services use.

export const ROOT = resolve(__dirname, '../..');
export const DIST = resolve(process.env.BENCH_DIST || join(ROOT, 'dist'));

function load<T>(path: string): T {
  const file = join(DIST, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:server\` first (npm run bench:aggregate does).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

export const backend = {
  dataSourceOptions: () =>
    load<typeof import('../../backend/src/database/data-source-options')>('backend/src/database/data-source-options.js'),
  migrate: () => load<typeof import('../../backend/src/database/migrate')>('backend/src/database/migrate.js'),
  aggregation: () =>
    load<typeof import('../../backend/src/aggregation/aggregation.service')>('backend/src/aggregation/aggregation.service.js'),
  aggregationRepository: () =>
    load<typeof import('../../backend/src/aggregation/aggregation.repository')>('backend/src/aggregation/aggregation.repository.js'),
  configuration: () => load<typeof import('../../backend/src/config/configuration')>('backend/src/config/configuration.js'),
  answerCodes: () => load<typeof import('../../backend/src/responses/answer-codes')>('backend/src/responses/answer-codes.js'),
  answerKeys: () => load<typeof import('../../backend/src/responses/answer-keys')>('backend/src/responses/answer-keys.js'),
  response: () => load<typeof import('../../backend/src/responses/response.entity')>('backend/src/responses/response.entity.js'),
  questionnaireVersion: () =>
    load<typeof import('../../backend/src/questionnaires/questionnaire-version.entity')>(
      'backend/src/questionnaires/questionnaire-version.entity.js',
    ),
  welcomeDay: () =>
    load<typeof import('../../backend/src/demo/welcome-day-questionnaire')>('backend/src/demo/welcome-day-questionnaire.js'),
  redisOptions: () => load<typeof import('../../backend/src/queue/redis-options')>('backend/src/queue/redis-options.js'),
  queues: () => load<typeof import('../../backend/src/queue/queues')>('backend/src/queue/queues.js'),
  rollup: () => load<typeof import('../../backend/src/aggregation/rollup')>('backend/src/aggregation/rollup.js'),
  protectCells: () => load<typeof import('../../backend/src/disclosure/protect-cells')>('backend/src/disclosure/protect-cells.js'),
  disclosure: () => load<typeof import('../../backend/src/disclosure/disclosure')>('backend/src/disclosure/disclosure.js'),
};

export const API_MAIN = join(DIST, 'backend/src/main.js');
export const WORKERS_MAIN = join(DIST, 'workers/src/main.js');
