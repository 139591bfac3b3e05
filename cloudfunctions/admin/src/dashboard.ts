import { API, type DashboardRange, type DashboardSnapshots, type dashboardInput } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { ok } from '@shared/result'
import type { DailyStats } from '@shared/stats/dailyStats'
import { type DayRange, daysOf, derivedOf, previousRangeOf, totalOf } from '@shared/stats/dashboard'
import { CHAIN_SCOPE, type MemberSnapshot, repeatRateOf } from '@shared/stats/memberSnapshot'
import { businessDayOf } from '@shared/time/businessDay'
import { addDays, type DayKey } from '@shared/time/calendarDay'
import type { z } from 'zod'
import { type Database, database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { requireManager } from '../../common/requireStaff'
import { readRfmThresholds } from '../../common/rfmSettings'
import { defineAction } from '../../common/router'
import { storeScopeOf } from './storeScope'

/** The most documents one get answers on the server. */
const PAGE_SIZE = 1000

/** The days' documents of `range` (one per day and store, or the one store's), page by page. */
async function dailiesOf(db: Database, range: DayRange, storeId: string | null | undefined): Promise<DailyStats[]> {
  const _ = db.command
  const where = {
    day: _.gte(range.from).and(_.lte(range.to)),
    ...(storeId === undefined ? {} : { storeId }),
  }
  const dailies: DailyStats[] = []
  for (;;) {
    const { data } = await db
      .collection('stats_daily')
      .where(where)
      .orderBy('day', 'asc')
      .orderBy('storeId', 'asc')
      .skip(dailies.length)
      .limit(PAGE_SIZE)
      .get()
    dailies.push(...(data as DailyStats[]))
    if (data.length < PAGE_SIZE) return dailies
  }
}

/** The range asked for: as given, or the last `lastDays` business days up to the programme's today. */
async function rangeOf(db: Database, input: z.output<typeof dashboardInput>, nowMs: number): Promise<DayRange> {
  if (input.from !== undefined && input.to !== undefined) return { from: input.from, to: input.to }
  const programme = await currentProgramme(db, nowMs)
  const today = businessDayOf(nowMs, businessDayRuleOf(programme))
  return { from: addDays(today, 1 - (input.lastDays ?? 1)), to: today }
}

/** The scope's member snapshot closing `day`, or the latest before it: one query, whatever the days missed. */
async function snapshotBy(db: Database, scope: string, day: DayKey) {
  const _ = db.command
  const { data } = await db
    .collection('stats_snapshots')
    .where({ storeId: scope, day: _.lte(day) })
    .orderBy('day', 'desc')
    .limit(1)
    .get()
  const snapshot = (data as MemberSnapshot[])[0]
  if (!snapshot) return null
  const { day: closes, asOfMs, thresholds, figures } = snapshot
  return { day: closes, asOfMs, thresholds, figures, repeatRate: repeatRateOf(figures) }
}

/** Both ranges' closing snapshots and the thresholds set now: three requests at once. */
async function snapshotsOf(
  db: Database,
  scope: string,
  current: DayRange,
  previous: DayRange,
): Promise<DashboardSnapshots> {
  const [now, before, thresholds] = await Promise.all([
    snapshotBy(db, scope, current.to),
    snapshotBy(db, scope, previous.to),
    readRfmThresholds(db),
  ])
  return { current: now, previous: before, thresholds }
}

function rangeFigures(range: DayRange, dailies: readonly DailyStats[]): DashboardRange {
  const days = daysOf(
    range,
    dailies.filter((daily) => daily.day >= range.from && daily.day <= range.to),
  )
  const total = totalOf(days)
  return { range, days, total, derived: derivedOf(total) }
}

/**
 * `admin.dashboard`: a range of business days' figures (the last N up to today, or from and to) and
 * the range of the same length before it,
 * for the chain (admins, no store given) or one store (an admin's choice; a manager's own, and only
 * their own). Read from `stats_daily`, which `foldStats` keeps from the stat events every unit of work
 * writes: one document per day and store, so the cost is the same for 100 members as for 100,000.
 * Beside them, the member snapshots (`snapshotMembers`) closing each range's last day, for the store
 * or the chain, and the RFM thresholds. Requests with the programme cached: staff (1), then at once
 * one query per 1,000 day-and-store documents, the two snapshots and the thresholds: 5 for a chain
 * of up to five stores over two 92-day ranges.
 */
export const dashboard = defineAction(API.admin.dashboard, async (input, caller) => {
  const db = database()
  const staff = await requireManager(db, caller)
  if (!staff.ok) return staff
  const scope = storeScopeOf(staff.data, input.storeId)
  if (!scope.ok) return scope
  const { storeId } = scope.data
  const current = await rangeOf(db, input, caller.nowMs)
  const previous = previousRangeOf(current)
  const [dailies, snapshots] = await Promise.all([
    dailiesOf(db, { from: previous.from, to: current.to }, storeId ?? undefined),
    snapshotsOf(db, storeId ?? CHAIN_SCOPE, current, previous),
  ])
  return ok({ storeId, current: rangeFigures(current, dailies), previous: rangeFigures(previous, dailies), snapshots })
})
