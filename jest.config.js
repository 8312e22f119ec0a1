// Jest runs three projects. `unit`: the specs beside the code (backend, workers, the shared package's rules and the
// web app's pure logic), which need no service at all: CI runs them with the database and Redis URLs pointing at
// closed ports. `e2e` and `browser`: against the real PostgreSQL and Redis (browser specs drive Debian's Chromium),
// one fresh database per run, made by their global setup; Jest runs a project's global setup only when a test of
// that project is selected.
const backendSwc = ['@swc/jest', { swcrc: true }];
// The web app is ESM and TSX for Vite (React's automatic runtime); under Jest it becomes CommonJS like the rest.
// .swcrc is the backend's (decorators, @backend paths): not read here.
const webSwc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j)s$': backendSwc },
  // @repere/contract from its source: specs need no build of the package.
  moduleNameMapper: { '^@backend/(.*)$': '<rootDir>/backend/src/$1', '^@repere/contract$': '<rootDir>/packages/contract/src/index.ts' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/backend/test/setup/env.ts'],
};
// The run's database and Redis prefix (backend/test/setup/global-setup.ts); TypeScript, transformed as above.
const services = {
  globalSetup: '<rootDir>/backend/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/backend/test/setup/global-teardown.ts',
  // Each test file its own queue prefix: one file's jobs are never taken by another file's workers.
  setupFilesAfterEnv: ['<rootDir>/backend/test/setup/file-prefix.ts'],
};
module.exports = {
  testTimeout: 60000,
  // Two test files at a time, each Jest worker on its own copy of the run's database (setup/global-setup.ts): most of
  // a file's time is waiting (Chromium, child processes, killed workers' job locks), so two halve the run on two cores.
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/backend/src/**/*.spec.ts',
        '<rootDir>/workers/src/**/*.spec.ts',
        '<rootDir>/frontend/src/**/*.spec.ts',
        '<rootDir>/packages/contract/src/**/*.spec.ts',
      ],
      // The first pattern that matches a file wins: the web app's files before the backend's.
      transform: { '/frontend/src/.+\\.tsx?$': webSwc, ...shared.transform },
      moduleNameMapper: { ...shared.moduleNameMapper, '^@/(.*)$': '<rootDir>/frontend/src/$1' },
    },
    { ...shared, ...services, displayName: 'e2e', testMatch: ['<rootDir>/backend/test/**/*.e2e-spec.ts'] },
    { ...shared, ...services, displayName: 'browser', testMatch: ['<rootDir>/frontend/e2e/**/*.browser-spec.ts'] },
  ],
};
