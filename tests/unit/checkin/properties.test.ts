import { type CheckInState, checkIn, cycleDayOf, INITIAL_CHECK_IN_STATE, runLengthEndingAt } from '@shared/checkin'
import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import type { CheckInRules } from '@shared/programme/schema'
import { addDays } from '@shared/time/calendarDay'
import fc from 'fast-check'

const rolling = DEMO_PROGRAMME.checkIn
const monthly: CheckInRules = { ...rolling, cycle: { kind: 'calendarMonth' } }

// Each step moves 0 (the same day again), 1 (the next day) or a few days forward.
const steps = fc.array(fc.constantFrom(0, 1, 1, 1, 2, 3), { minLength: 1, maxLength: 80 })

describe.each([
  ['a rolling 7-day cycle', rolling],
  ['a calendar-month cycle', monthly],
])('check-in properties with %s', (_, rules) => {
  it('keeps the streak within the cycle, never counts a day twice, and runs equal consecutive days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
        steps,
        (start, moves) => {
          let day = start.toISOString().slice(0, 10)
          let state: CheckInState = INITIAL_CHECK_IN_STATE
          const checked = new Set<string>()
          for (const move of moves) {
            day = addDays(day, move)
            const outcome = checkIn({ state, day, rules })
            if (checked.has(day)) {
              expect(outcome).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN' })
              continue
            }
            if (!outcome.ok) throw new Error(`unexpected ${outcome.code}`)
            checked.add(day)
            state = outcome.data.state
            const cycleLength = rules.cycle.kind === 'rolling' ? rules.cycle.lengthDays : 31
            expect(outcome.data.cycleDay).toBeGreaterThanOrEqual(1)
            expect(outcome.data.cycleDay).toBeLessThanOrEqual(cycleLength)
            expect(outcome.data.cycleDay).toBe(cycleDayOf(state.runLength, rules.cycle))
            expect(state.runLength).toBe(runLengthEndingAt(checked, day, rules.cycle))
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
