export { applyGrowth, type GrowthOutcome } from './applyGrowth'
export { type CheckInDecision, checkInEntryKeyOf, decideCheckIn } from './checkIn'
export { grantPoints, type PointsGrant } from './grantPoints'
export type { LedgerEntry, Member, MemberCheckIn } from './member'
