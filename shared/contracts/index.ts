export type { ActionInput, ActionName, ActionOutput, Api, FunctionName } from './api'
export type { ApiEnvelope, ApiRequest } from './envelope'
export * from './member'
export { type PublicProgramme, type PublicTier, programmeGetInput } from './programme'
