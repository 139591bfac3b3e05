import { API, HISTORY_PAGE_SIZE_DEFAULT, type HistoryEntry, type HistoryPage } from '@shared/contracts'
import { expiredBalance, ledgerEntryTitle, usableBalance } from '@shared/ledger'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import { afterPageEnd, decodeCursor, encodeCursor } from '../../common/newestFirstCursor'
import { callerMemberId, loadMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `member.history`: the points history, newest first, a page at a time, with the balance as the card
 * shows it (usable, and what expired). Two database requests, at once: the page and the member.
 */
export const history = defineAction(API.member.history, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor)
  if (input.cursor !== undefined && after === null) return err('INVALID_INPUT', 'cursor')
  const pageSize = input.pageSize ?? HISTORY_PAGE_SIZE_DEFAULT
  const db = database()
  const condition = afterPageEnd(db, { memberId: memberId.data }, after)
  const [{ data }, member] = await Promise.all([
    db
      .collection('ledger')
      .where(condition)
      .orderBy('createdAtMs', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1)
      .get(),
    loadMember(db, memberId.data),
  ])
  if (!member.ok) return member
  const entries = data.slice(0, pageSize)
  const last = entries.at(-1)
  const page: HistoryPage = {
    entries: entries.map(
      (entry): HistoryEntry => ({
        id: entry._id,
        type: entry.type,
        amount: entry.amount,
        title: ledgerEntryTitle(entry),
        createdAtMs: entry.createdAtMs,
        earningLines: entry.earningLines ?? null,
      }),
    ),
    nextCursor: data.length > pageSize && last ? encodeCursor(last) : null,
    balance: {
      usable: usableBalance(member.data.points, caller.nowMs),
      expired: expiredBalance(member.data.points, caller.nowMs),
    },
  }
  return ok(page)
})
