import type { FunctionHarness } from './functionHarness'

type Fields = Record<string, unknown>

/** Changes the stored programme (instances reload it when their copy is a minute older than the call). */
export async function changeStoredProgramme(harness: FunctionHarness, change: (programme: Fields) => Fields) {
  const { data } = await harness.db.collection('programme').doc('current').get()
  const { _id, ...fields } = data
  await harness.db
    .collection('programme')
    .doc('current')
    .set({ data: change(fields) })
}

/** The stored programme with one tier's upgrade gift replaced. */
export function withUpgradeGift(tierId: string, gift: { points: number; couponTemplateIds: string[] }) {
  return (programme: Fields): Fields => ({
    ...programme,
    tiers: (programme.tiers as Fields[]).map((tier) => (tier.id === tierId ? { ...tier, upgradeGift: gift } : tier)),
  })
}
