import type { StatDelta } from './figures'

/**
 * `stat_events/{random id}`: what one committed unit of work added to the figures of one store
 * (null: an event of no store, a member who joined without one), written inside that unit's own
 * transaction. Events are only ever added, each under a new id, so no two transactions ever write the
 * same stat document: a day's figures are never a hot document that every purchase conflicts on. A
 * unit of work that runs again after a conflict draws a new id, and only the committed run's event
 * exists, so each event counts once. `foldStats` adds them into the day's figures and removes them,
 * in one transaction.
 */
export interface StatEvent {
  readonly _id: string
  readonly storeId: string | null
  /** When it happened: the fold files it under the programme's business day of this instant. */
  readonly atMs: number
  readonly delta: StatDelta
}

/** Where an event's figures go: the store it happened in (or the member's home store), and when. */
export interface StatAttribution {
  readonly storeId: string | null
  readonly atMs: number
}
