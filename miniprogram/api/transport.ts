import Taro from '@tarojs/taro'
import { currentIdentityKey } from './localIdentity'

/** Sends `data` to a cloud function and resolves with what the function returned. */
export type Transport = (functionName: string, data: unknown) => Promise<unknown>

/** In WeChat: the cloud SDK, which attaches the user's OPENID on the server side. */
const weappTransport: Transport = async (functionName, data) => {
  const response = await Taro.cloud.callFunction({ name: functionName, data: data as Record<string, unknown> })
  return response.result
}

/**
 * In the H5 build: the local dev server, which runs the same functions on the emulator as the
 * identity picked in the identity switcher. H5 exists for local development and browser tests only.
 */
const localTransport: Transport = async (functionName, data) => {
  const response = await fetch(`/api/functions/${functionName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-identity': currentIdentityKey() },
    body: JSON.stringify({ data }),
  })
  const body = (await response.json()) as { result?: unknown; errMsg?: string }
  if (!response.ok) throw new Error(body.errMsg ?? `HTTP ${response.status}`)
  return body.result
}

/** The transport of this build; `process.env.TARO_ENV` is replaced at build time, so weapp carries no H5 code. */
export function defaultTransport(): Transport {
  return process.env.TARO_ENV === 'h5' ? localTransport : weappTransport
}
