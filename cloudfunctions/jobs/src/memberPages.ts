import { addSummaries, EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import type { Member } from '@shared/member'
import type { Database } from '../../common/cloud'
import type { BatchOutcome } from './jobBatch'

/** What a batch asks for: the members after the cursor that match `where`, at most `limit`. */
export interface MemberPageQuery {
  readonly cursor: string | null
  /** Conditions the database narrows by (an index), besides the cursor. */
  readonly where: Record<string, unknown>
  readonly limit: number
}

/**
 * One batch over members: the next page after the cursor in id order (one query), worked through
 * `parallelism` members at a time by `work`, which answers each member's figures. Done when the
 * page was not full.
 */
export async function workThroughMembers(
  db: Database,
  query: MemberPageQuery & { readonly parallelism: number },
  work: (slice: readonly Member[]) => Promise<readonly JobSummary[]> | readonly JobSummary[],
): Promise<BatchOutcome> {
  const _ = db.command
  const { data } = await db
    .collection('members')
    .where({ ...query.where, _id: _.gt(query.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(query.limit)
    .get()
  const members = data as Member[]
  let summary: JobSummary = { ...EMPTY_JOB_SUMMARY, scanned: members.length }
  for (let start = 0; start < members.length; start += query.parallelism) {
    for (const figures of await work(members.slice(start, start + query.parallelism))) {
      summary = addSummaries(summary, figures)
    }
  }
  return { cursor: members.at(-1)?._id ?? query.cursor, done: members.length < query.limit, summary }
}
