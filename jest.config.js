/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // lowdb and steno ship ESM only; ts-jest (allowJs) turns them into CommonJS for jest.
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/.ci/summary-reporter.js'],
};
