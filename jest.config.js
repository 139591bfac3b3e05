// Cloud functions run with the host clock in UTC; tests do too, so nothing passes by accident of the host zone.
process.env.TZ = 'UTC'

// One jest run, several projects: each test folder is a project with the environment it needs.
const sharedAlias = {
  '^@shared$': '<rootDir>/shared/index.ts',
  '^@shared/(.*)$': '<rootDir>/shared/$1',
}

module.exports = {
  // Builds the cloud-function bundles once: function tests run what CloudBase would upload.
  globalSetup: '<rootDir>/tests/globalSetup.js',
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
    {
      // The local CloudBase emulator, exercised through the real wx-server-sdk.
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/emulator/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
    {
      // Cloud functions: routing, validation and the bundles CloudBase uploads.
      displayName: 'functions',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
    {
      // Pages and components rendered with React Testing Library; Taro's components are replaced by
      // small DOM stand-ins, so no Taro build is needed.
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/ui/**/*.test.tsx'],
      moduleNameMapper: {
        ...sharedAlias,
        '^@/(.*)$': '<rootDir>/miniprogram/$1',
        '^@tarojs/components$': '<rootDir>/tests/ui/support/taroComponents.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/ui/support/taro.ts',
        '^@qiun/ucharts$': '<rootDir>/tests/ui/support/uCharts.ts',
        '\\.css$': '<rootDir>/tests/ui/support/styleStub.ts',
      },
    },
    {
      // The compiled weapp output (dist/, from npm run build:weapp) rendered in miniprogram-simulate.
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
      // The compiled output runs byte for byte as WeChat would run it.
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
    {
      // The deploy: plan from the repository, refusals, and the calls against a fake management API.
      displayName: 'deploy',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/deploy/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
    {
      // Headless Chromium against the local stack: database emulator, function host, dev server
      // and the H5 build (from npm run build:h5).
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      moduleNameMapper: sharedAlias,
    },
  ],
  // Type-only files (contract types) have no statements to cover.
  collectCoverageFrom: [
    'shared/**/*.ts',
    '!shared/**/index.ts',
    '!shared/contracts/api.ts',
    '!shared/contracts/envelope.ts',
  ],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: {
    './shared/': { lines: 95 },
  },
}
