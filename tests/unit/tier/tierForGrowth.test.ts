import { tierById, tierForGrowth, tierProgress, tierRankOf } from '@shared/tier'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const tiers = DEMO_PROGRAMME.tiers // thresholds 0 / 500 / 2000 / 6000

describe('tierForGrowth', () => {
  it.each([
    [0, 'regular'],
    [499, 'regular'],
    [500, 'silver'],
    [1999, 'silver'],
    [2000, 'gold'],
    [5999, 'gold'],
    [6000, 'black'],
    [1_000_000, 'black'],
  ])('puts growth %i in tier %s (thresholds are inclusive)', (growth, tierId) => {
    expect(tierForGrowth(tiers, growth).id).toBe(tierId)
  })

  it('refuses an empty tier list as a programmer error', () => {
    expect(() => tierForGrowth([], 10)).toThrow()
  })
})

describe('tierRankOf and tierById', () => {
  it('finds tiers by id in programme order', () => {
    expect(tierRankOf(tiers, 'regular')).toBe(0)
    expect(tierRankOf(tiers, 'black')).toBe(3)
    expect(tierById(tiers, 'gold').name).toBe('金卡会员')
  })

  it('throws for an unknown tier id', () => {
    expect(() => tierRankOf(tiers, 'platinum')).toThrow('unknown tier: platinum')
  })
})

describe('tierProgress', () => {
  it('reports growth still needed and the percentage towards the next tier', () => {
    expect(tierProgress(tiers, { tierId: 'silver', growth: 1250 })).toMatchObject({
      tier: { id: 'silver' },
      nextTier: { id: 'gold' },
      growthToNextTier: 750,
      percent: 50,
    })
  })

  it('is 0% exactly at a threshold and rounds down just below the next', () => {
    expect(tierProgress(tiers, { tierId: 'silver', growth: 500 }).percent).toBe(0)
    expect(tierProgress(tiers, { tierId: 'silver', growth: 1999 }).percent).toBe(99)
  })

  it('is complete at the top tier', () => {
    expect(tierProgress(tiers, { tierId: 'black', growth: 7000 })).toMatchObject({
      nextTier: null,
      growthToNextTier: 0,
      percent: 100,
    })
  })

  it('uses the stored tier after a downgrade left growth below its threshold', () => {
    expect(tierProgress(tiers, { tierId: 'gold', growth: 100 })).toMatchObject({ percent: 0, growthToNextTier: 5900 })
  })
})
