import { STAFF_DAILY_TOTAL_FEN_DEFAULT, STAFF_PURCHASE_AMOUNT_FEN_MAX_DEFAULT } from '@shared/programme/schema'
import { needsManagerApproval, purchaseWithinLimits, type StaffRole } from '@shared/staff'
import fc from 'fast-check'

const limits = { purchaseAmountFenMax: 500_000, dailyTotalFenPerStaff: 2_000_000 }

describe('needsManagerApproval', () => {
  it.each([
    ['staff', 500_000, 0, false],
    ['staff', 500_001, 0, true],
    ['staff', 100, 1_999_900, false],
    ['staff', 101, 1_999_900, true],
    ['manager', 900_000, 5_000_000, false],
    ['admin', 900_000, 5_000_000, false],
  ] as const)('for %s recording %d fen after %d today: %s', (role, amountFen, dailyTotalFen, expected) => {
    expect(needsManagerApproval({ role, amountFen, dailyTotalFen, limits })).toBe(expected)
  })

  it('never limits managers and admins, and limits staff exactly when a limit is crossed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StaffRole>('staff', 'manager', 'admin'),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (role, amountFen, dailyTotalFen) => {
          const needed = needsManagerApproval({ role, amountFen, dailyTotalFen, limits })
          const crossed =
            amountFen > limits.purchaseAmountFenMax || dailyTotalFen + amountFen > limits.dailyTotalFenPerStaff
          expect(needed).toBe(role === 'staff' && crossed)
        },
      ),
    )
  })

  it('has defaults of ¥5,000 per purchase and ¥20,000 per day', () => {
    expect([STAFF_PURCHASE_AMOUNT_FEN_MAX_DEFAULT, STAFF_DAILY_TOTAL_FEN_DEFAULT]).toEqual([500_000, 2_000_000])
  })
})

describe('purchaseWithinLimits', () => {
  it('passes what needs no approval', () => {
    expect(purchaseWithinLimits({ role: 'staff', amountFen: 100, dailyTotalFen: 0, limits })).toEqual({
      ok: true,
      data: undefined,
    })
  })

  it('names the per-purchase maximum, before the daily total, when both are crossed', () => {
    expect(purchaseWithinLimits({ role: 'staff', amountFen: 600_000, dailyTotalFen: 1_900_000, limits })).toEqual({
      ok: false,
      code: 'MANAGER_APPROVAL_REQUIRED',
      message: '超出店员权限额度，请店长确认：单笔超过 ¥5000.00',
    })
  })

  it('names the daily total when only it is crossed', () => {
    expect(purchaseWithinLimits({ role: 'staff', amountFen: 200_000, dailyTotalFen: 1_900_000, limits })).toMatchObject(
      {
        code: 'MANAGER_APPROVAL_REQUIRED',
        message: expect.stringContaining('今日累计将超过 ¥20000.00'),
      },
    )
  })
})
