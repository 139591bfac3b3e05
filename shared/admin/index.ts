export * from './fieldChanges'
