import { tierUpgrade, upgradeGiftKey } from '@shared/tier'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const tiers = DEMO_PROGRAMME.tiers

describe('tierUpgrade', () => {
  it('upgrades when growth reaches the next threshold exactly, with that tier’s gift due', () => {
    const upgrade = tierUpgrade(tiers, { tierId: 'regular', growth: 500 })
    expect(upgrade.upgraded).toBe(true)
    expect(upgrade.tier.id).toBe('silver')
    expect(upgrade.dueGifts).toEqual([{ tierId: 'silver', gift: { points: 100, couponTemplateIds: [] } }])
  })

  it('does not upgrade one growth point below the threshold', () => {
    const upgrade = tierUpgrade(tiers, { tierId: 'regular', growth: 499 })
    expect(upgrade).toMatchObject({ upgraded: false, reachedTiers: [], dueGifts: [] })
    expect(upgrade.tier.id).toBe('regular')
  })

  it('crosses several tiers at once and owes every crossed tier’s gift, lowest first', () => {
    const upgrade = tierUpgrade(tiers, { tierId: 'regular', growth: 6500 })
    expect(upgrade.tier.id).toBe('black')
    expect(upgrade.reachedTiers.map((tier) => tier.id)).toEqual(['silver', 'gold', 'black'])
    expect(upgrade.dueGifts.map((gift) => gift.gift.points)).toEqual([100, 300, 800])
  })

  it('never moves a member down, even when their growth points at a lower tier', () => {
    const upgrade = tierUpgrade(tiers, { tierId: 'gold', growth: 10 })
    expect(upgrade).toMatchObject({ upgraded: false, tier: { id: 'gold' } })
  })

  it('leaves out tiers whose upgrade gift is empty', () => {
    const withoutGift = tiers.map((tier) =>
      tier.id === 'gold' ? { ...tier, upgradeGift: { points: 0, couponTemplateIds: [] } } : tier,
    )
    const upgrade = tierUpgrade(withoutGift, { tierId: 'silver', growth: 2000 })
    expect(upgrade.upgraded).toBe(true)
    expect(upgrade.dueGifts).toEqual([])
  })
})

describe('upgradeGiftKey', () => {
  it('is the same for the same member, tier and period, and differs across periods', () => {
    const key = upgradeGiftKey({ memberId: 'm1', tierId: 'gold', periodStartDay: '2026-01-01' })
    expect(key).toBe(upgradeGiftKey({ memberId: 'm1', tierId: 'gold', periodStartDay: '2026-01-01' }))
    expect(key).not.toBe(upgradeGiftKey({ memberId: 'm1', tierId: 'gold', periodStartDay: '2027-01-01' }))
  })
})
