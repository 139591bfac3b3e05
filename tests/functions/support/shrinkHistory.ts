/**
 * Shrinking a failing history, so that a failure reads as a few operations: the plan's operations
 * (by id) are run again from an empty database with some removed, keeping each removal after which
 * the same invariant still breaks: the database crash first, then whole waves, then halves, quarters
 * … down to single operations. Bounded in time: faults and races make a replay differ from the run
 * it repeats, so each smaller history gets `ATTEMPTS` runs to break it, and shrinking starts only
 * once the whole failing history broke it again (within `FIRST_ATTEMPTS` runs).
 */
import type { Violation } from './historyInvariants'
import type { HistoryEvent, WorkloadPlan } from './randomWorkload'

/** A run of some of a plan's operations, and what it broke. */
export interface CheckedRun {
  readonly history: readonly HistoryEvent[]
  readonly violations: readonly Violation[]
}

/** What to run again: these operations, with the plan's database crash or without. */
export interface Subset {
  readonly only: ReadonlySet<string>
  readonly crash: boolean
}

export interface Shrunk extends CheckedRun, Subset {
  /** Replays made, and how many of them still broke the invariant. */
  readonly replays: number
  readonly reproduced: number
}

/** Runs of the failing history, at most, to see it break again before shrinking. */
export const FIRST_ATTEMPTS = 3
/** Runs of each smaller history, at most, to see it break the invariant. */
export const ATTEMPTS = 2

export async function shrinkHistory(options: {
  readonly plan: WorkloadPlan
  readonly failing: CheckedRun & Subset
  readonly replay: (subset: Subset) => Promise<CheckedRun>
  readonly budgetMs: number
}): Promise<Shrunk> {
  const { plan, failing, replay } = options
  const invariant = failing.violations[0]?.invariant
  const deadlineMs = Date.now() + options.budgetMs
  let best: CheckedRun & Subset = failing
  let [replays, reproduced] = [0, 0]
  const lastWave = Math.max(...failing.history.map((event) => event.wave))
  const waveOf = (id: string) => Number(id.split('.')[0])

  /** Runs `subset` up to `attempts` times; keeps it when the same invariant breaks. */
  const tries = async (subset: Subset, attempts = ATTEMPTS): Promise<boolean> => {
    if (subset.only.size === 0) return false
    for (let attempt = 0; attempt < attempts && Date.now() < deadlineMs; attempt += 1) {
      replays += 1
      const run = await replay(subset)
      if (!run.violations.some((violation) => violation.invariant === invariant)) continue
      reproduced += 1
      // Only what ran matters: an operation with nothing to refer to left no event.
      best = { ...run, only: new Set(run.history.map((event) => event.id)), crash: subset.crash }
      return true
    }
    return false
  }

  if (!(await tries(best, FIRST_ATTEMPTS))) return { ...failing, replays, reproduced }
  const crashWave = plan.databaseCrash?.wave
  if (best.crash && crashWave !== undefined && crashWave <= lastWave) await tries({ only: best.only, crash: false })
  for (let wave = lastWave; wave >= 0; wave -= 1) {
    await tries({ only: new Set([...best.only].filter((id) => waveOf(id) !== wave)), crash: best.crash })
  }
  for (let chunk = Math.ceil(best.only.size / 2); chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let start = 0; start < best.only.size; ) {
      const ids = [...best.only]
      const removed = new Set(ids.slice(start, start + chunk))
      const kept = await tries({ only: new Set(ids.filter((id) => !removed.has(id))), crash: best.crash })
      if (!kept) start += chunk
    }
  }
  return { ...best, replays, reproduced }
}
