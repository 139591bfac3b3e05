export {
  answerCloudFunctions,
  type CallFunctionOptions,
  type CallFunctionResponse,
  type CloudFunctionAnswer,
  type CloudFunctionData,
  type HeldAnswer,
  holdAnswer,
} from './cloudFunctions'
export {
  type CompiledPage,
  DIST_FOLDER,
  type LoadCompiledPageOptions,
  loadCompiledPage,
  unloadCompiledPage,
} from './loadCompiledPage'
export {
  type RenderedElement,
  type RenderedPage,
  WAIT_FOR_POLL_INTERVAL_MS,
  WAIT_FOR_TIMEOUT_MS,
  type WaitForOptions,
} from './renderedPage'
