export * from './fieldChanges'
export * from './memberQuery'
