/**
 * The pure loyalty core shared by the mini-program and the cloud functions. No I/O, no clock:
 * every function that needs the time takes it as an argument (UTC milliseconds).
 */
export * from './errors'
export * from './programme/demoProgramme'
export * from './programme/parseProgramme'
export * from './programme/schema'
export * from './result'
export * from './time/calendarDay'
export * from './time/zonedTime'
export * from './time/businessDay'
export * from './tier'
export * from './earning'
export * from './contracts'
export * from './validation/describeIssues'
