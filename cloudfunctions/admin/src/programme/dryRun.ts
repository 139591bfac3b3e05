import {
  addTierChanges,
  countTierChange,
  type MemberGrowth,
  NO_TIER_CHANGES,
  sampleEarning,
  type TierChangeCount,
} from '@shared/admin'
import { API, type ProgrammeDryRun } from '@shared/contracts'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme } from '@shared/programme/schema'
import { ok } from '@shared/result'
import type { Database } from '../../../common/cloud'
import { database } from '../../../common/cloud'
import { readDocument } from '../../../common/readDocument'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { draftOf, liveVersionOf, parsedLive } from './programmeDocuments'

/** Members one read answers (CloudBase's most on the server). */
export const DRY_RUN_PAGE_SIZE = 1000
/**
 * Real time one dry run spends counting before it answers a cursor: well inside CloudBase's 60 s,
 * at the pace of the slowest page so far. 100,000 members take 100 reads of 1000 projected members.
 */
export const DRY_RUN_BUDGET_MS = 40_000

/** Only what the tier rules read: a projected page is a tenth of full member documents. */
const GROWTH_FIELDS = { _id: true, tierId: true, growth: true, qualification: true } as const

type GrowthDocument = MemberGrowth & { readonly _id: string }

/** The next page of members after `cursor`, in id order (the `_id` range needs no other index). */
async function growthPage(db: Database, cursor: string): Promise<GrowthDocument[]> {
  const _ = db.command
  const { data } = await db
    .collection('members')
    .where({ _id: _.gt(cursor) })
    .orderBy('_id', 'asc')
    .limit(DRY_RUN_PAGE_SIZE)
    .field(GROWTH_FIELDS)
    .get()
  return data as unknown as GrowthDocument[]
}

/** Counts tier changes page by page from `cursor` until done or the budget is spent. */
async function countTierChanges(
  db: Database,
  programmes: { readonly live: Programme; readonly draft: Programme },
  startCursor: string,
): Promise<{ count: TierChangeCount; members: number; nextCursor: string | null }> {
  const startedAtMs = Date.now()
  let slowestPageMs = 0
  let count = NO_TIER_CHANGES
  let members = 0
  let cursor = startCursor
  for (;;) {
    const pageStartedAtMs = Date.now()
    const page = await growthPage(db, cursor)
    count = addTierChanges(
      count,
      page.reduce((sum, member) => countTierChange(sum, member, programmes), NO_TIER_CHANGES),
    )
    members += page.length
    cursor = page.at(-1)?._id ?? cursor
    if (page.length < DRY_RUN_PAGE_SIZE) return { count, members, nextCursor: null }
    slowestPageMs = Math.max(slowestPageMs, Date.now() - pageStartedAtMs)
    if (Date.now() - startedAtMs + slowestPageMs >= DRY_RUN_BUDGET_MS) return { count, members, nextCursor: cursor }
  }
}

/**
 * `admin.programmeDryRun` (试算): the sample purchase and check-in streak under the live programme
 * and under the draft (the live one when no draft is saved), with the earning functions the actions
 * use, and how many members the draft moves: counted over every member by `_id` pages of their growth
 * fields only, within a 40 s budget; past it the answer carries `nextCursor` and the editor calls
 * again with it, adding the counts. Writes nothing. Admins and managers.
 * Requests: staff, current and draft at once, then one per 1000 members (3 + ⌈members / 1000⌉).
 */
export const programmeDryRun = defineAction(API.admin.programmeDryRun, async (input, caller) => {
  const db = database()
  const [staff, current, stored] = await Promise.all([
    requireManager(db, caller),
    readDocument(db.collection('programme').doc('current')),
    readDocument(db.collection('programme').doc('draft')),
  ])
  if (!staff.ok) return staff
  const live = parsedLive(current)
  const draftDocument = draftOf(stored)
  const parsedDraft = draftDocument ? parseProgramme(draftDocument.programme) : null
  // A stored draft always validated when saved; one that no longer does compares as the live one.
  const draft = parsedDraft?.ok ? parsedDraft.data : live
  const tiers = await countTierChanges(db, { live, draft }, input.cursor ?? '')
  const answer: ProgrammeDryRun = {
    liveVersion: liveVersionOf(current),
    hasDraft: parsedDraft?.ok === true,
    live: sampleEarning(live, input.purchase, input.checkInDays),
    draft: sampleEarning(draft, input.purchase, input.checkInDays),
    tierChanges: tiers.count,
    membersCounted: tiers.members,
    nextCursor: tiers.nextCursor,
  }
  return ok(answer)
})
