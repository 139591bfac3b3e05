import { evaluateTierAtPeriodEnd } from '@shared/tier'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const tiers = DEMO_PROGRAMME.tiers // retention: regular 0, silver 300, gold 1200, black 4000

describe('evaluateTierAtPeriodEnd', () => {
  it('keeps the tier when period growth reaches its retention threshold exactly', () => {
    expect(
      evaluateTierAtPeriodEnd(tiers, { tierId: 'gold', growth: 2500, periodGrowth: 1200, maxStepsDown: 1 }),
    ).toEqual(expect.objectContaining({ tier: expect.objectContaining({ id: 'gold' }), stepsDown: 0, growth: 2500 }))
  })

  it('drops one tier when retention is missed by one point', () => {
    const evaluation = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'gold',
      growth: 2500,
      periodGrowth: 1199,
      maxStepsDown: 1,
    })
    expect(evaluation.tier.id).toBe('silver')
    expect(evaluation.stepsDown).toBe(1)
  })

  it('restarts growth from the new tier’s threshold so the next purchase does not lift the member back', () => {
    const evaluation = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'gold',
      growth: 2500,
      periodGrowth: 0,
      maxStepsDown: 1,
    })
    expect(evaluation.growth).toBe(500)
  })

  it('never drops more than the configured number of steps', () => {
    const oneStep = evaluateTierAtPeriodEnd(tiers, { tierId: 'black', growth: 9000, periodGrowth: 0, maxStepsDown: 1 })
    expect(oneStep.tier.id).toBe('gold')
    const threeSteps = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'black',
      growth: 9000,
      periodGrowth: 0,
      maxStepsDown: 3,
    })
    expect(threeSteps).toMatchObject({ tier: { id: 'regular' }, stepsDown: 3, growth: 0 })
  })

  it('lands on the highest lower tier whose retention is met', () => {
    const evaluation = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'black',
      growth: 9000,
      periodGrowth: 1500,
      maxStepsDown: 3,
    })
    expect(evaluation.tier.id).toBe('gold')
  })

  it('never downgrades when steps down is 0', () => {
    const evaluation = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'black',
      growth: 9000,
      periodGrowth: 0,
      maxStepsDown: 0,
    })
    expect(evaluation).toMatchObject({ tier: { id: 'black' }, stepsDown: 0, growth: 9000 })
  })

  it('keeps the entry tier whatever happened', () => {
    const evaluation = evaluateTierAtPeriodEnd(tiers, {
      tierId: 'regular',
      growth: 10,
      periodGrowth: 0,
      maxStepsDown: 2,
    })
    expect(evaluation).toMatchObject({ tier: { id: 'regular' }, stepsDown: 0 })
  })
})
