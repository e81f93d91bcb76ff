/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test', '<rootDir>/scripts', '<rootDir>/cli'],
  testMatch: ['**/*.test.ts', '**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
    // jose ships ES modules only; Node 20 loads them with require(), but jest's module loader needs them compiled.
    '/node_modules/jose/.+\\.js$': ['ts-jest', { isolatedModules: true, diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/globalSetup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
