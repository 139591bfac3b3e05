import {
  groupedDigits,
  isNumericCode,
  lookupWindowOf,
  NUMERIC_CODE_LENGTH,
  NUMERIC_CODE_RANDOM_DIGITS,
  numericCodeOf,
} from '@shared/codes'
import fc from 'fast-check'

const randomDigits = fc.stringMatching(new RegExp(`^\\d{${NUMERIC_CODE_RANDOM_DIGITS}}$`))

describe('numeric member codes', () => {
  it('are 18 digits from 88, and every code made is recognised', () => {
    fc.assert(
      fc.property(randomDigits, (digits) => {
        const code = numericCodeOf(digits)
        expect(code).toHaveLength(NUMERIC_CODE_LENGTH)
        expect(code.startsWith('88')).toBe(true)
        expect(isNumericCode(code)).toBe(true)
      }),
    )
  })

  it('are not mistaken for pickup codes, tokens or other numbers', () => {
    expect(isNumericCode('48213906')).toBe(false)
    expect(isNumericCode('M1.m_a1.x.y.z.s')).toBe(false)
    expect(isNumericCode('691234567890123456')).toBe(false)
    expect(isNumericCode('8812345678901234567')).toBe(false)
    expect(isNumericCode('88123456789012345a')).toBe(false)
  })

  it('refuse anything but 16 random digits to be made of', () => {
    expect(() => numericCodeOf('123')).toThrow(RangeError)
    expect(() => numericCodeOf('12345678901234ab')).toThrow(RangeError)
  })

  it('read in groups of four after the prefix', () => {
    expect(groupedDigits('881234567890123456')).toBe('88 1234 5678 9012 3456')
  })

  it('count lookups per calendar minute', () => {
    const minute = Date.UTC(2026, 11, 2, 12, 30)
    expect(lookupWindowOf(minute)).toBe(minute)
    expect(lookupWindowOf(minute + 59_999)).toBe(minute)
    expect(lookupWindowOf(minute + 60_000)).toBe(minute + 60_000)
  })
})
