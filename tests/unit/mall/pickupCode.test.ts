import { isPickupCode, PICKUP_CODE_SPACE, pickupCodeOf } from '@shared/mall'
import fc from 'fast-check'

describe('pickupCodeOf', () => {
  it.each([
    [0, '00000000'],
    [42, '00000042'],
    [PICKUP_CODE_SPACE - 1, '99999999'],
  ])('writes %d as %s', (value, code) => {
    expect(pickupCodeOf(value)).toBe(code)
  })

  it.each([-1, PICKUP_CODE_SPACE, 1.5, Number.NaN])('refuses %d', (value) => {
    expect(() => pickupCodeOf(value)).toThrow(RangeError)
  })

  it('always writes a well-formed code, and a different one for each value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PICKUP_CODE_SPACE - 2 }), (value) => {
        expect(isPickupCode(pickupCodeOf(value))).toBe(true)
        expect(pickupCodeOf(value)).not.toBe(pickupCodeOf(value + 1))
      }),
    )
  })
})

describe('isPickupCode', () => {
  it.each([
    ['12345678', true],
    ['1234567', false],
    ['123456789', false],
    ['1234567a', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isPickupCode(value)).toBe(expected)
  })
})
