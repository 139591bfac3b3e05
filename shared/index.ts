/**
 * The pure loyalty core shared by the mini-program and the cloud functions. No I/O, no clock:
 * every function that needs the time takes it as an argument (UTC milliseconds).
 */

export * from './checkin'
export * from './codes'
export * from './contracts'
export * from './coupon'
export * from './earning'
export * from './errors'
export * from './ledger'
export * from './mall'
export * from './member'
export * from './money'
export * from './programme/parseProgramme'
export * from './programme/schema'
export * from './result'
export * from './staff'
export * from './tier'
export * from './time/businessDay'
export * from './time/calendarDay'
export * from './time/zonedTime'
export * from './validation/describeIssues'
