export * from './fieldChanges'
export * from './memberQuery'
export * from './programmeDryRun'
