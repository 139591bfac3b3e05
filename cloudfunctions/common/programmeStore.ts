import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme } from '@shared/programme/schema'
import type { Database } from './cloud'

/** How long an instance trusts its copy of the programme; admins' edits show within this time. */
export const PROGRAMME_CACHE_TTL_MS = 60_000

let cached: { readonly programme: Programme; readonly loadedAtMs: number } | null = null

/**
 * The programme in force, from `programme/current`. Every action needs it, so each instance keeps a
 * copy for a minute: reading it on every call would add a database request to every action.
 */
export async function currentProgramme(db: Database, nowMs: number): Promise<Programme> {
  // Measured both ways: an instance's clock can read a little behind the instant the copy was
  // stamped with (clocks are read once per invocation), and that copy is still fresh.
  const ageMs = cached ? Math.abs(nowMs - cached.loadedAtMs) : Number.POSITIVE_INFINITY
  if (cached && ageMs < PROGRAMME_CACHE_TTL_MS) return cached.programme
  const { data } = await db.collection('programme').doc('current').get()
  const parsed = parseProgramme(data)
  // A stored programme that no longer validates is an operator error the admin must see in logs.
  if (!parsed.ok) throw new Error(`programme/current is invalid:\n${parsed.message}`)
  cached = { programme: parsed.data, loadedAtMs: nowMs }
  return parsed.data
}
