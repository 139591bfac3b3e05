import { FEN_PER_YUAN, formatFen } from '@shared/money'
import fc from 'fast-check'

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [350, '¥3.50'],
    [1230, '¥12.30'],
    [-5, '-¥0.05'],
    [-1230, '-¥12.30'],
    [Number.MAX_SAFE_INTEGER, '¥90071992547409.91'],
  ])('writes %d fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [Number.MAX_SAFE_INTEGER + 1]])(
    'throws on %d, which is not a whole number of fen',
    (fen) => {
      expect(() => formatFen(fen)).toThrow(RangeError)
    },
  )

  it('reads back to the same number of fen for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const text = formatFen(fen)
        expect(text).toMatch(/^-?¥\d+\.\d{2}$/)
        expect(Math.round(Number(text.replace('¥', '')) * FEN_PER_YUAN)).toBe(fen)
      }),
    )
  })
})
