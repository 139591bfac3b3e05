// npm run test:cloud: the contract suites of tests/conformance against a real CloudBase environment.
// Kept out of jest.config.js, so npm test never selects (nor skips) them.
process.env.TZ = 'UTC'

module.exports = {
  globalSetup: '<rootDir>/tests/cloud/requireCredentials.ts',
  projects: [
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/cloud/**/*.test.ts'],
      moduleNameMapper: { '^@shared$': '<rootDir>/shared/index.ts', '^@shared/(.*)$': '<rootDir>/shared/$1' },
    },
  ],
}
