import { type HotCounter, type HotCounterState, withReservedUnit } from '../../../cloudfunctions/common/reservation'

/**
 * `withReservedUnit` over a scripted counter, so that each interleaving is exact: what every
 * reservation answers, and what the counter's document says at each look.
 */
function scriptedCounter(script: { reserves: boolean[]; states: HotCounterState[] }): HotCounter & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    async reserve() {
      calls.push('reserve')
      return script.reserves.shift() ?? false
    },
    async state() {
      calls.push('state')
      return script.states.shift() ?? { free: false, held: 0 }
    },
    async keep() {
      calls.push('keep')
    },
    async release() {
      calls.push('release')
    },
  }
}

const settleWith = (consumed: boolean) => async () => ({ result: 'settled', consumed })

describe('withReservedUnit', () => {
  it('answers sold out when one look shows no unit free and none held', async () => {
    const counter = scriptedCounter({ reserves: [false], states: [{ free: false, held: 0 }] })
    const answer = await withReservedUnit(counter, { settle: settleWith(true), soldOut: async () => 'sold out' })
    expect(answer).toBe('sold out')
    expect(counter.calls).toEqual(['reserve', 'state'])
  })

  it('takes a unit given back between its failed reservation and its look, instead of answering sold out', async () => {
    // Found by the history checker (seed 6): a refused twin gave its coupon back in between, and the
    // claim answered SOLD_OUT with a coupon left.
    const counter = scriptedCounter({ reserves: [false, true], states: [{ free: true, held: 0 }] })
    const answer = await withReservedUnit(counter, { settle: settleWith(true), soldOut: async () => 'sold out' })
    expect(answer).toBe('settled')
    expect(counter.calls).toEqual(['reserve', 'state', 'reserve', 'keep'])
  })

  it('waits while units are held, and takes one given back', async () => {
    const counter = scriptedCounter({
      reserves: [false, false, true],
      states: [
        { free: false, held: 1 },
        { free: false, held: 1 },
      ],
    })
    const answer = await withReservedUnit(counter, { settle: settleWith(false), soldOut: async () => 'sold out' })
    expect(answer).toBe('settled')
    expect(counter.calls).toEqual(['reserve', 'state', 'reserve', 'state', 'reserve', 'release'])
  })
})
