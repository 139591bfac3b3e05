import { constantTimeEqual } from '@shared/codes'
import fc from 'fast-check'

describe('constantTimeEqual', () => {
  it.each([
    ['', '', true],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'xbc', false],
    ['abc', 'ab', false],
    ['ab', 'abc', false],
    ['', 'a', false],
    ['a', '', false],
    // Past the end of the shorter string the missing characters must not read as equal to NUL.
    ['a', 'a\u0000', false],
    ['签名', '签名', true],
    ['签名', '签字', false],
  ])('compares %j and %j as %s', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal)
  })

  it('agrees with === for any two strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b)
      }),
    )
  })

  it('tells apart strings that differ in a single character anywhere', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (text, position, replacement) => {
          const index = position % text.length
          fc.pre(text[index] !== replacement)
          const altered = text.slice(0, index) + replacement + text.slice(index + 1)
          expect(constantTimeEqual(text, altered)).toBe(false)
          expect(constantTimeEqual(altered, text)).toBe(false)
        },
      ),
    )
  })
})
