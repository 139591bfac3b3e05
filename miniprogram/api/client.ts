import type { ActionInput, ActionName, ActionOutput, ApiEnvelope, FunctionName } from '@shared/contracts'
import { isErrorCode } from '@shared/errors'
import { err } from '@shared/result'
import { defaultTransport, type Transport } from './transport'

function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') return false
  const envelope = value as { ok: boolean; code?: unknown }
  return envelope.ok || (typeof envelope.code === 'string' && isErrorCode(envelope.code))
}

/**
 * Calls one action of a cloud function and always resolves with an envelope: transport failures
 * become `NETWORK_ERROR` and malformed answers `INTERNAL`, so pages have one error path to render.
 */
export async function callAction<F extends FunctionName, A extends ActionName<F>>(
  functionName: F,
  action: A,
  input: ActionInput<F, A>,
  transport: Transport = defaultTransport(),
): Promise<ApiEnvelope<ActionOutput<F, A>>> {
  try {
    const result = await transport(functionName, { action, input })
    return isEnvelope(result)
      ? (result as ApiEnvelope<ActionOutput<F, A>>)
      : err('INTERNAL', '服务返回了无法识别的结果')
  } catch (error) {
    console.error(`${functionName}.${action} failed`, error)
    return err('NETWORK_ERROR')
  }
}
