// Jest runs three projects against the real PostgreSQL and Redis: unit specs beside the code,
// API e2e specs, and browser specs driving Debian's Chromium. One fresh database per run (global setup).
const swc = ['@swc/jest', { swcrc: true }];
const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  // content-disposition 3 (under @fastify/static) ships ESM only, which Node loads but Jest's require does not.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: { '^@backend/(.*)$': '<rootDir>/backend/src/$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/backend/test/setup/env.ts'],
};
module.exports = {
  // The global setup and teardown are TypeScript too.
  transform: shared.transform,
  moduleNameMapper: shared.moduleNameMapper,
  globalSetup: '<rootDir>/backend/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/backend/test/setup/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/backend/src/**/*.spec.ts', '<rootDir>/workers/src/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/backend/test/**/*.e2e-spec.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/frontend/e2e/**/*.browser-spec.ts'] },
  ],
};
