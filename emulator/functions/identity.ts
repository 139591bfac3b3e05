/**
 * Who is calling a cloud function. CloudBase injects it into the function's environment, where
 * `cloud.getWXContext()` reads it; the host does the same, one invocation per worker at a time.
 */
export interface CallerIdentity {
  /** Present when a mini-program user calls; absent when one cloud function calls another. */
  readonly openid?: string
  readonly appid?: string
  readonly unionid?: string
  /** The call chain as CloudBase reports it: `wx_client`, then `wx_client,scf` one hop down. */
  readonly source: string
}

/** The app id the local emulator reports for every mini-program call. */
export const LOCAL_APPID = 'wx-local-dev-appid'

/** A call from the mini-program by a user. */
export function clientCaller(openid: string, unionid?: string): CallerIdentity {
  return { openid, appid: LOCAL_APPID, source: 'wx_client', ...(unionid ? { unionid } : {}) }
}

/** A call made by a cloud function: CloudBase passes no OPENID down the chain, only the source. */
export function functionCaller(parentSource: string | undefined): CallerIdentity {
  return { appid: LOCAL_APPID, source: parentSource ? `${parentSource},scf` : 'scf' }
}

/**
 * The environment variables that carry an identity. `WX_CONTEXT_KEYS` names the ones
 * `getWXContext()` reads; a variable left out is simply absent from the context, as in production.
 */
export function identityEnvironment(identity: CallerIdentity): Record<string, string> {
  const variables: Record<string, string> = { TCB_SOURCE: identity.source }
  if (identity.openid) variables.WX_OPENID = identity.openid
  if (identity.appid) variables.WX_APPID = identity.appid
  if (identity.unionid) variables.WX_UNIONID = identity.unionid
  return {
    ...variables,
    WX_CONTEXT_KEYS: Object.keys(variables)
      .filter((key) => key.startsWith('WX_'))
      .join(','),
  }
}

/** Every variable `identityEnvironment` may set, so a worker can clear the previous caller's. */
export const IDENTITY_VARIABLES = ['TCB_SOURCE', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CONTEXT_KEYS'] as const
