// Members written straight into the emulator for the benches, a thousand per request.
import type { Member } from '@shared/member'
import type { FunctionHarness } from '../tests/functions/support/functionHarness'

const SEED_CHUNK = 1000

/** Writes `count` members, the `index`th being `memberOf(index)`; answers how long it took (ms) and prints it. */
export async function seedMembers(
  harness: FunctionHarness,
  count: number,
  memberOf: (index: number) => Member,
): Promise<number> {
  const startedMs = performance.now()
  for (let start = 0; start < count; start += SEED_CHUNK) {
    const members = Array.from({ length: Math.min(SEED_CHUNK, count - start) }, (_, offset) => memberOf(start + offset))
    await harness.db.collection('members').add({ data: members })
  }
  const ms = performance.now() - startedMs
  console.log(`seeded ${count.toLocaleString('en')} members in ${(ms / 1000).toFixed(1)} s`)
  return ms
}
