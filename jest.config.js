/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/test/esbuild-jest.cjs' },
  // strip-bom (loaded by @microsoft/app-manifest) is ESM-only: let the transform convert it.
  transformIgnorePatterns: ['/node_modules/(?!strip-bom/)'],
  testTimeout: 60_000,
};
