import fc from 'fast-check'
import jsQR from 'jsqr'
import { barcodePatternSvg, code128Pattern, code128Svg } from '@/utils/barcodeSvg'
import { QR_QUIET_ZONE_MODULES, qrCodeSvg, qrMatrixOf } from '@/utils/qrCodeSvg'

const TOKEN = 'M1.m3f2a9c1d4e5b6a7980c1d2e3.t5k2lq.t5k2mw.Ab3_x-9Z.q8Jd2lK0pXw7VnR4sT1uYg'

/** Draws the QR SVG (squares of the `M x y h n v1 h-n z` path) as RGBA pixels, `scale` pixels a module. */
function rasterise(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1])
  const width = side * scale
  const data = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < Number(run) * scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4
        data.fill(0, offset, offset + 3)
      }
    }
  }
  return { data, width, height: width }
}

function darkModulesIn(svg: string): number {
  return [...svg.matchAll(/h(\d+)v1/g)].reduce((sum, [, run]) => sum + Number(run), 0)
}

describe('the member code QR image', () => {
  it('is sized for the token: the module count plus the quiet zone on each side', () => {
    const matrix = qrMatrixOf(TOKEN)
    const svg = qrCodeSvg(TOKEN)
    expect(matrix.moduleCount).toBeGreaterThanOrEqual(21)
    expect((matrix.moduleCount - 17) % 4).toBe(0)
    const side = matrix.moduleCount + 2 * QR_QUIET_ZONE_MODULES
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`)
    expect(darkModulesIn(svg)).toBe(matrix.dark.flat().filter(Boolean).length)
  })

  it('decodes back to the token', () => {
    const { data, width, height } = rasterise(qrCodeSvg(TOKEN))
    expect(jsQR(data, width, height)?.data).toBe(TOKEN)
  })

  it('carries non-ASCII text as UTF-8, not Latin-1', () => {
    const { data, width, height } = rasterise(qrCodeSvg('小满咖啡·会员'))
    const decoded = jsQR(data, width, height)
    expect(Buffer.from(decoded?.binaryData ?? []).toString('utf8')).toBe('小满咖啡·会员')
  })

  it('grows with longer text', () => {
    expect(qrMatrixOf('x'.repeat(120)).moduleCount).toBeGreaterThan(qrMatrixOf('x').moduleCount)
  })
})

describe('the member code barcode', () => {
  const START_B = '11010010000'
  const STOP = '1100011101011'

  it('encodes the token in CODE128 set B: start, 11 modules a symbol, check symbol, stop', () => {
    const pattern = code128Pattern('AB-xy')
    expect(pattern.startsWith(START_B)).toBe(true)
    expect(pattern.endsWith(STOP)).toBe(true)
    expect(pattern).toHaveLength(11 * (1 + 5 + 1) + STOP.length)
  })

  it('draws exactly the pattern: each bar a rect at its module, spaces left white', () => {
    const pattern = code128Pattern(TOKEN)
    const svg = barcodePatternSvg(pattern)
    const drawn = Array.from({ length: pattern.length }, () => '0')
    for (const [, x, width] of svg.matchAll(/<rect x="(\d+)" y="0" width="(\d+)"/g)) {
      for (let module = 0; module < Number(width); module++) drawn[Number(x) - 10 + module] = '1'
    }
    expect(drawn.join('')).toBe(pattern)
    expect(svg).toContain(`viewBox="0 0 ${pattern.length + 20} 60"`)
  })

  it('gives a different pattern for a different token', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), (a, b) => {
        fc.pre(a !== b)
        expect(code128Pattern(a)).not.toBe(code128Pattern(b))
      }),
      { numRuns: 50 },
    )
  })

  it('refuses text CODE128 cannot carry', () => {
    expect(() => code128Svg('会员')).toThrow(/CODE128 cannot encode/)
  })
})
