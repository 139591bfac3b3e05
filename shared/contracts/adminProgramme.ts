/**
 * The programme editor's actions on `admin` (会员规则): one brand draft in `programme/draft`, published
 * as numbered versions (`programme_versions/<n>`, `programme/current.version`), restored by
 * publishing an old version again, and a dry run of the draft against the live programme.
 */
import { z } from 'zod'
import type { SampleEarning, TierChangeCount } from '../admin/programmeDryRun'
import { PURCHASE_AMOUNT_FEN_MAX } from '../earning/purchaseEarning'
import type { ProgrammeInput } from '../programme/schema'
import { requestIdSchema } from './requestId'

/** Version pages list at most this many. */
export const PROGRAMME_VERSIONS_PAGE_SIZE_MAX = 50
/** Longest publish note. */
export const PUBLISH_NOTE_LENGTH_MAX = 100

const version = z.number().int().min(0)
const note = z.string().trim().min(1, '请填写发布说明').max(PUBLISH_NOTE_LENGTH_MAX, '发布说明不能超过 100 个字')

export const programmeDraftInput = z.object({}).strict()

/**
 * `saveProgrammeDraft`: the whole programme as the editor holds it, and the live version the editor
 * started from. The programme is checked by the programme schema inside the action (not here), so
 * that every problem comes back as `path: message` lines under INVALID_PROGRAMME; an invalid draft
 * is refused, not stored, so a stored draft always publishes unless the live version moved on.
 */
export const saveProgrammeDraftInput = z
  .object({ requestId: requestIdSchema, basedOnVersion: version, programme: z.record(z.string(), z.unknown()) })
  .strict()

export const publishProgrammeInput = z.object({ requestId: requestIdSchema, note }).strict()

/** `restoreProgrammeVersion`: publishes version `version` again as a new one, if the live one is still `liveVersion`. */
export const restoreProgrammeVersionInput = z
  .object({ requestId: requestIdSchema, version: version.min(1), liveVersion: version, note })
  .strict()

export const programmeVersionsInput = z
  .object({
    /** The `nextCursor` of the previous page (versions below it); absent for the newest. */
    before: version.optional(),
    pageSize: z.number().int().min(1).max(PROGRAMME_VERSIONS_PAGE_SIZE_MAX).default(20),
  })
  .strict()

export const programmeDryRunInput = z
  .object({
    purchase: z
      .object({
        amountFen: z.number().int('金额必须是整数（分）').min(0, '金额不能为负数').max(PURCHASE_AMOUNT_FEN_MAX),
        tierId: z.string().min(1).max(32),
        purchasedAtMs: z.number().int().min(0),
      })
      .strict(),
    checkInDays: z.number().int('签到天数必须是整数').min(0).max(31, '签到天数不能超过 31 天'),
    /** Where the tier count continues: the `nextCursor` of the previous answer; absent to start. */
    cursor: z.string().max(64).optional(),
  })
  .strict()

/** Who did it and when. */
export interface ProgrammeAuthor {
  readonly openid: string
  readonly name: string
  readonly atMs: number
}

/** `admin.programmeDraft`: the draft (or the live programme when there is none) and the live version. */
export interface ProgrammeDraftView {
  readonly programme: ProgrammeInput
  readonly liveVersion: number
  /** Null when the answer is the live programme (no draft saved). */
  readonly draft: { readonly basedOnVersion: number; readonly saved: ProgrammeAuthor } | null
}

/** `admin.saveProgrammeDraft`. */
export interface SavedProgrammeDraft {
  readonly basedOnVersion: number
  readonly saved: ProgrammeAuthor
  /** The top-level sections (tiers, earning…) that differ from the live programme. */
  readonly changedSections: readonly string[]
}

/** A version as the history lists it (without the programme). */
export interface ProgrammeVersionSummary {
  readonly version: number
  readonly note: string
  readonly published: ProgrammeAuthor
  /** The version this one republished (恢复), else null. */
  readonly restoredFrom: number | null
}

/** `admin.publishProgramme` and `admin.restoreProgrammeVersion`: the version now live. */
export interface PublishedProgramme extends ProgrammeVersionSummary {
  /** Until when functions may still use the previous version (their cache TTL). */
  readonly effectiveByMs: number
  readonly replayed: boolean
}

/** `admin.programmeVersions`: newest first. */
export interface ProgrammeVersionsPage {
  readonly liveVersion: number
  readonly versions: readonly ProgrammeVersionSummary[]
  readonly nextCursor: number | null
}

/** `admin.programmeDryRun`: the samples under both, and the tier count so far. */
export interface ProgrammeDryRun {
  readonly liveVersion: number
  /** Whether a draft was compared (else both sides are the live programme). */
  readonly hasDraft: boolean
  readonly live: SampleEarning
  readonly draft: SampleEarning
  readonly tierChanges: TierChangeCount
  readonly membersCounted: number
  /** Null when every member is counted; else pass it back as `cursor` and add the counts. */
  readonly nextCursor: string | null
}
