/**
 * Members written with a points history of earnings and spends, each a ledger entry, so the job
 * tests start from wallets the functions could have produced (the harness checks balance = ledger sum).
 */
import { draftEntry, EMPTY_WALLET, earnPoints, type PointsWallet, spendPoints, type WalletChange } from '@shared/ledger'
import type { LedgerEntry } from '@shared/member'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { seedMember } from '../mall/seededMembers'
import type { FunctionHarness } from '../support/functionHarness'

/** One step of a history: points earned into a lot, or spent (earliest usable lot first) at an instant. */
export type WalletStep =
  | { readonly earn: number; readonly expiresAtMs: number | null; readonly atMs: number }
  | { readonly spend: number; readonly atMs: number }

/** Writes member `<prefix>-0` with the wallet and ledger entries of `steps` (and no others); answers its id. */
export async function memberWithHistory(
  harness: FunctionHarness,
  prefix: string,
  steps: readonly WalletStep[],
): Promise<string> {
  const memberId = memberIdOf(`${prefix}-0`)
  let wallet: PointsWallet = EMPTY_WALLET
  const entries: LedgerEntry[] = steps.map((step, index) => {
    let change: WalletChange
    if ('earn' in step) {
      change = earnPoints(wallet, { amount: step.earn, expiresAtMs: step.expiresAtMs })
    } else {
      const spent = spendPoints(wallet, { amount: step.spend, nowMs: step.atMs })
      if (!spent.ok) throw new Error(`step ${index} spends more than is usable`)
      change = spent.data
    }
    wallet = change.wallet
    const key = `history_${memberId}_${index}`
    const draft = draftEntry('earn' in step ? 'earn' : 'spend', change, {
      source: 'test',
      operatorId: null,
      idempotencyKey: key,
      createdAtMs: step.atMs,
      reason: null,
    })
    return { _id: key, memberId, ...draft, lotChanges: [...draft.lotChanges] }
  })
  // The seeded member's one join point and its entry make way for the history.
  await seedMember(harness, { prefix, points: 1, atMs: steps[0]?.atMs ?? 0 })
  await harness.db.collection('ledger').doc(`join_${memberId}`).remove()
  await harness.db.collection('ledger').add({ data: entries })
  await harness.db
    .collection('members')
    .doc(memberId)
    .update({ data: { points: { balance: wallet.balance, lots: wallet.lots } } })
  return memberId
}
