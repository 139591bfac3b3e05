import {
  type CheckInState,
  checkIn,
  cycleLengthOn,
  INITIAL_CHECK_IN_STATE,
  runLengthEndingAt,
  stateAfterMakeup,
} from '@shared/checkin'
import type { CheckInCycle, CheckInRules } from '@shared/programme/schema'
import { addDays } from '@shared/time/calendarDay'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const NUM_RUNS = 200
const DAY_MS = 86_400_000

const cycles = fc.oneof(
  fc.constant<CheckInCycle>({ kind: 'calendarMonth' }),
  fc.integer({ min: 1, max: 31 }).map((lengthDays): CheckInCycle => ({ kind: 'rolling', lengthDays })),
)
// Any day from 2024 to 2031, leap days and year ends included.
const startDays = fc.integer({ min: 0, max: 8 * 366 }).map((offset) => addDays('2024-01-01', offset))
// Each step moves 0 (the same day again), 1 (the next day) or a few days forward.
const steps = fc.array(fc.constantFrom(0, 1, 1, 1, 1, 2, 3), { minLength: 1, maxLength: 80 })

function rulesWith(cycle: CheckInCycle): CheckInRules {
  return { ...DEMO_PROGRAMME.checkIn, cycle }
}

/** Days since 1970, computed here without the code under test. */
function epochDayOf(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS
}

/** The spec, written out: consecutive days at the end of the list, a monthly run never crossing the 1st. */
function expectedRunLength(checkedInOrder: readonly string[], cycle: CheckInCycle): number {
  let length = 1
  for (let index = checkedInOrder.length - 1; index > 0; index -= 1) {
    const day = checkedInOrder[index] as string
    const previous = checkedInOrder[index - 1] as string
    const consecutive = epochDayOf(day) - epochDayOf(previous) === 1
    const sameCycle = cycle.kind === 'rolling' || day.slice(0, 7) === previous.slice(0, 7)
    if (!consecutive || !sameCycle) break
    length += 1
  }
  return length
}

function replay(days: readonly string[], rules: CheckInRules) {
  let state: CheckInState = INITIAL_CHECK_IN_STATE
  let points = 0
  const refusals: string[] = []
  for (const day of days) {
    const outcome = checkIn({ state, day, rules })
    if (!outcome.ok) {
      refusals.push(outcome.code)
      continue
    }
    state = outcome.data.state
    points += outcome.data.reward.points
  }
  return { state, points, refusals }
}

function daysAfterSteps(start: string, moves: readonly number[]): string[] {
  const days: string[] = []
  let day = start
  for (const move of moves) {
    day = addDays(day, move)
    days.push(day)
  }
  return days
}

describe('check-in properties', () => {
  it('keeps the cycle day within [1, cycle length] and the run equal to the consecutive days checked', () => {
    fc.assert(
      fc.property(cycles, startDays, steps, (cycle, start, moves) => {
        const rules = rulesWith(cycle)
        const checked: string[] = []
        let state: CheckInState = INITIAL_CHECK_IN_STATE
        for (const day of new Set(daysAfterSteps(start, moves))) {
          const outcome = checkIn({ state, day, rules })
          if (!outcome.ok) throw new Error(`unexpected ${outcome.code}`)
          checked.push(day)
          state = outcome.data.state
          expect(outcome.data.cycleDay).toBeGreaterThanOrEqual(1)
          expect(outcome.data.cycleDay).toBeLessThanOrEqual(cycleLengthOn(cycle, day))
          expect(state.runLength).toBe(expectedRunLength(checked, cycle))
          expect(state.runLength).toBe(runLengthEndingAt(new Set(checked), day, cycle))
        }
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('never counts a day twice: a second check-in that day is refused and changes nothing', () => {
    fc.assert(
      fc.property(cycles, startDays, steps, (cycle, start, moves) => {
        const rules = rulesWith(cycle)
        const days = daysAfterSteps(start, moves)
        const withRepeats = replay(days, rules)
        const once = { ...replay([...new Set(days)], rules), checkedCount: new Set(days).size }
        expect(withRepeats.refusals).toEqual(Array(days.length - once.checkedCount).fill('ALREADY_CHECKED_IN'))
        expect(withRepeats.state).toEqual(once.state)
        expect(withRepeats.points).toBe(once.points)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('refuses any day before the last check-in', () => {
    fc.assert(
      fc.property(cycles, startDays, fc.integer({ min: 1, max: 60 }), (cycle, lastDay, daysBack) => {
        const state = { lastDay, runLength: 1 }
        expect(checkIn({ state, day: addDays(lastDay, -daysBack), rules: rulesWith(cycle) })).toMatchObject({
          ok: false,
          code: 'CHECK_IN_OUT_OF_ORDER',
        })
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('leaves the state after a makeup as if the made-up day had been checked in on time', () => {
    const spans = fc.array(fc.boolean(), { minLength: 2, maxLength: 45 })
    fc.assert(
      fc.property(cycles, startDays, spans, fc.nat(), (cycle, start, span, pick) => {
        const days = span.map((_, index) => addDays(start, index))
        const checked = days.filter((_, index) => span[index])
        const missed = days.filter((_, index) => !span[index])
        fc.pre(missed.length > 0)
        const madeUpDay = missed[pick % missed.length] as string
        const rules = rulesWith(cycle)
        const before = replay(checked, rules).state
        const withMadeUp = days.filter((day) => day === madeUpDay || checked.includes(day))
        const after = stateAfterMakeup({ state: before, checkedDays: new Set(withMadeUp), madeUpDay, cycle })
        expect(after).toEqual(replay(withMadeUp, rules).state)
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
