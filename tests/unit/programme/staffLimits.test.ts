import { parseProgramme } from '@shared/programme/parseProgramme'
import { DEMO_PROGRAMME, DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'

describe('the programme’s staff limits', () => {
  it('default to ¥5,000 per purchase and ¥20,000 per staff member per day for programmes written before them', () => {
    const { staffLimits: _, ...older } = DEMO_PROGRAMME_INPUT
    const parsed = parseProgramme(older)
    expect(parsed).toMatchObject({
      ok: true,
      data: { staffLimits: { purchaseAmountFenMax: 500_000, dailyTotalFenPerStaff: 2_000_000 } },
    })
  })

  it('are set in the demo programme', () => {
    expect(DEMO_PROGRAMME.staffLimits).toEqual({
      purchaseAmountFenMax: 500_000,
      dailyTotalFenPerStaff: 2_000_000,
      managerAdjustmentPointsMax: 500,
      adminAdjustmentPointsMax: 50_000,
      managerTierGrantDaysMax: 90,
      managerCouponIssueMax: 20,
    })
  })

  it('let a manager issue a coupon to 20 members per request unless the programme says otherwise', () => {
    const { staffLimits: _, ...older } = DEMO_PROGRAMME_INPUT
    expect(parseProgramme(older)).toMatchObject({ ok: true, data: { staffLimits: { managerCouponIssueMax: 20 } } })
    expect(parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { managerCouponIssueMax: 201 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('managerCouponIssueMax'),
    })
  })

  it.each([0, -1, 1.5, 1_000_000_001])('refuse a per-purchase maximum of %d', (purchaseAmountFenMax) => {
    const parsed = parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { purchaseAmountFenMax } })
    expect(parsed).toMatchObject({
      ok: false,
      code: 'INVALID_PROGRAMME',
      message: expect.stringContaining('staffLimits'),
    })
  })

  it('cap manual points adjustments at 500 for managers and 50,000 for admins unless the programme says otherwise', () => {
    const { staffLimits: _, ...older } = DEMO_PROGRAMME_INPUT
    expect(parseProgramme(older)).toMatchObject({
      ok: true,
      data: { staffLimits: { managerAdjustmentPointsMax: 500, adminAdjustmentPointsMax: 50_000 } },
    })
    const tighter = parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { managerAdjustmentPointsMax: 100 } })
    expect(tighter).toMatchObject({ ok: true, data: { staffLimits: { managerAdjustmentPointsMax: 100 } } })
    expect(parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { adminAdjustmentPointsMax: 0 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('adminAdjustmentPointsMax'),
    })
  })

  it('let managers grant a tier for 90 days unless the programme says otherwise, never beyond 366', () => {
    const { staffLimits: _, ...older } = DEMO_PROGRAMME_INPUT
    expect(parseProgramme(older)).toMatchObject({ ok: true, data: { staffLimits: { managerTierGrantDaysMax: 90 } } })
    expect(parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { managerTierGrantDaysMax: 367 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('managerTierGrantDaysMax'),
    })
  })

  it('fill in a missing field of a partial section', () => {
    const parsed = parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { purchaseAmountFenMax: 100_000 } })
    expect(parsed).toMatchObject({
      ok: true,
      data: { staffLimits: { purchaseAmountFenMax: 100_000, dailyTotalFenPerStaff: 2_000_000 } },
    })
  })
})
