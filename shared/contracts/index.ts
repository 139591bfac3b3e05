export * from './action'
export * from './admin'
export * from './adminCoupons'
export * from './adminMembers'
export * from './adminProgramme'
export * from './adminStaff'
export * from './adminStores'
export * from './adminUploads'
export {
  type ActionErrorCode,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  API,
  type Api,
  type ContractOf,
  type FunctionName,
} from './api'
export * from './approvals'
export * from './checkin'
export * from './coupon'
export * from './dashboard'
export type { ApiEnvelope, ApiRequest } from './envelope'
export * from './gifts'
export * from './jobs'
export * from './mall'
export * from './member'
export * from './memberLists'
export { type PublicProgramme, type PublicTier, programmeGetInput } from './programme'
export * from './requestId'
export * from './staff'
