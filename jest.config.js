// One jest run covers every package; each project is a folder of the monorepo.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Jest on Node 20 cannot require() ESM-only dependencies, so those few are transformed too.
// (@fastify/cookie loads `cookie` with a dynamic import(), which jest's sandbox only supports once transformed.)
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/)?(content-disposition|cookie|@fastify\\+cookie|@fastify/cookie|react-hotkeys-hook)[@/])'];
const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns,
  // Sources import siblings as './x.js' where Node's ESM rules want it; jest resolves those to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'contracts', rootDir: 'packages/contracts', testEnvironment: 'node' },
    { ...common, displayName: 'ib-simulator', rootDir: 'packages/ib-simulator', testEnvironment: 'node' },
    {
      ...common,
      displayName: 'api',
      rootDir: 'apps/api',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'web',
      rootDir: 'apps/web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: 'apps/web',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/../api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/../api/test/support/global-teardown.ts',
    },
  ],
};
