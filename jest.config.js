// One jest run, several projects: each test folder is a project with the environment it needs.
const sharedAlias = {
  '^@shared$': '<rootDir>/shared/index.ts',
  '^@shared/(.*)$': '<rootDir>/shared/$1',
}

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
  ],
  collectCoverageFrom: ['shared/**/*.ts', '!shared/**/index.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: {
    './shared/': { lines: 95 },
  },
}
