/**
 * The identity the H5 app plays in local mode (customer A, staff, admin…), kept in localStorage so a
 * reload keeps it. The dev server maps the key to a demo OPENID; weapp never uses this.
 */
/** A demo person as the dev server lists them (`GET /api/identities`). */
export interface LocalIdentity {
  readonly key: string
  readonly label: string
}

const STORAGE_KEY = 'store-loyalty.local-identity'
const DEFAULT_IDENTITY_KEY = 'customerA'

export function currentIdentityKey(): string {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? DEFAULT_IDENTITY_KEY
  } catch {
    return DEFAULT_IDENTITY_KEY
  }
}

export function switchIdentity(key: string): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, key)
}

/** The identities the dev server offers; it owns the list and maps each key to an OPENID. */
export async function loadLocalIdentities(): Promise<readonly LocalIdentity[]> {
  const response = await fetch('/api/identities')
  const body = (await response.json()) as { identities: readonly LocalIdentity[] }
  return body.identities
}
