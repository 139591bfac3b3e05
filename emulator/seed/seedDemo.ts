import { demoSeed } from './demoData'

/** The slice of wx-server-sdk's database the seeding uses. */
interface SeedDatabase {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }> }
    add(options: { data: Record<string, unknown> | Record<string, unknown>[] }): Promise<unknown>
  }
}

async function alreadySeeded(db: SeedDatabase): Promise<boolean> {
  try {
    await db.collection('programme').doc('current').get()
    return true
  } catch {
    return false
  }
}

/**
 * Writes the demo store chain through the real SDK, once: data that exists (a previous run's
 * members, check-ins, redemptions) is never touched. Answers whether anything was written.
 */
export async function seedDemo(db: SeedDatabase, nowMs: number): Promise<boolean> {
  if (await alreadySeeded(db)) return false
  for (const batch of demoSeed(nowMs)) {
    await db.collection(batch.collection).add({ data: [...batch.documents] })
  }
  return true
}
