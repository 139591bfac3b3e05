import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128'

/** Blank modules either side of a 1-D barcode; scanners need at least 10. */
export const BARCODE_QUIET_ZONE_MODULES = 10
/** Bar height in modules; the image stretches to its box, so only the proportion matters. */
const BARCODE_HEIGHT_MODULES = 60

/**
 * The CODE128 module pattern of a text (`1` bar, `0` space), start, check and stop symbols included.
 * Throws for characters CODE128 cannot carry: tokens are ASCII, so that is a programmer error.
 */
export function code128Pattern(text: string): string {
  const encoder = new CODE128(text, {})
  if (!encoder.valid()) throw new Error(`CODE128 cannot encode ${JSON.stringify(text)}`)
  return encoder.encode().data
}

/** The SVG of a bar pattern: one rect per run of bars, stretched to whatever box shows it. */
export function barcodePatternSvg(pattern: string): string {
  const width = pattern.length + 2 * BARCODE_QUIET_ZONE_MODULES
  let bars = ''
  let index = 0
  while (index < pattern.length) {
    if (pattern[index] !== '1') {
      index += 1
      continue
    }
    const start = index
    while (pattern[index] === '1') index += 1
    const x = start + BARCODE_QUIET_ZONE_MODULES
    bars += `<rect x="${x}" y="0" width="${index - start}" height="${BARCODE_HEIGHT_MODULES}"/>`
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${BARCODE_HEIGHT_MODULES}" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${BARCODE_HEIGHT_MODULES}" fill="#fff"/><g fill="#000">${bars}</g></svg>`
  )
}

/** The SVG of a text's CODE128 barcode. */
export function code128Svg(text: string): string {
  return barcodePatternSvg(code128Pattern(text))
}
