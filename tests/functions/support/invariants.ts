import { sumOfEntries, walletProblems } from '@shared/ledger'
import type { FunctionHarness } from './functionHarness'

/**
 * The ledger invariant every test ends on: for every member, the stored balance equals the sum of
 * their ledger entries, and the wallet is sound (balance equals its lots, nothing negative).
 */
export async function expectLedgerMatchesBalances(harness: FunctionHarness): Promise<void> {
  const { data: members } = await harness.db.collection('members').limit(1000).get()
  for (const member of members as { _id: string; points: { balance: number; lots: never[] } }[]) {
    const { data: entries } = await harness.db.collection('ledger').where({ memberId: member._id }).limit(1000).get()
    expect({ member: member._id, balance: member.points.balance }).toEqual({
      member: member._id,
      balance: sumOfEntries(entries as { amount: number }[]),
    })
    expect(walletProblems(member.points)).toEqual([])
  }
}
