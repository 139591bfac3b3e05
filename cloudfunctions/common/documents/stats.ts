import type { SnapshotFigures } from '@shared/stats/memberSnapshot'
import type { RfmThresholds } from '@shared/stats/rfm'
import type { DayKey } from '@shared/time/calendarDay'

/**
 * `stats_snapshot_parts/{day}_{afterId}`: one `snapshotMembers` batch's sums, keyed by the cursor it
 * started after, so a batch done again (its invocation died before the run saved the cursor)
 * replaces its own part instead of adding to the total. The last batch folds the day's parts.
 */
export interface SnapshotPartDocument {
  readonly _id: string
  /** The business day the snapshot closes. */
  readonly day: DayKey
  /** The cursor the batch started after ('' for the first), and the last member it counted. */
  readonly afterId: string
  readonly lastId: string
  /** The run's thresholds: the first part fixes them, so a change mid-run scores no member differently. */
  readonly thresholds: RfmThresholds
  readonly scopes: readonly { readonly storeId: string; readonly figures: SnapshotFigures }[]
}

/** `stats_settings/rfm`: the RFM thresholds an admin set (absent: the defaults). */
export interface RfmSettingsDocument {
  readonly _id: 'rfm'
  readonly thresholds: RfmThresholds
  readonly updatedAtMs: number
  readonly updatedByOpenid: string
}
