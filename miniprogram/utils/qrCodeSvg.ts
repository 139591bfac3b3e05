import qrcode from 'qrcode-generator'
import { utf8Bytes } from './utf8'

/** White modules around the code that scanners need to find it (the QR specification asks for 4). */
export const QR_QUIET_ZONE_MODULES = 4

/** A QR code's modules: `dark[row][column]`, `moduleCount` on each side. */
export interface QrMatrix {
  readonly moduleCount: number
  readonly dark: readonly (readonly boolean[])[]
}

/**
 * The QR code of a text in byte mode with its UTF-8 bytes. qrcode-generator reads byte mode as
 * Latin-1 and its ES and CommonJS builds expose UTF-8 support differently, so the bytes are
 * passed as one character per byte, which both builds keep as they are.
 */
export function qrMatrixOf(text: string): QrMatrix {
  const code = qrcode(0, 'M')
  code.addData(String.fromCharCode(...utf8Bytes(text)), 'Byte')
  code.make()
  const moduleCount = code.getModuleCount()
  const dark = Array.from({ length: moduleCount }, (_, row) =>
    Array.from({ length: moduleCount }, (_, column) => code.isDark(row, column)),
  )
  return { moduleCount, dark }
}

/** The SVG of a QR matrix: one unit per module, dark runs of a row merged into one path segment. */
export function qrMatrixSvg(matrix: QrMatrix): string {
  const side = matrix.moduleCount + 2 * QR_QUIET_ZONE_MODULES
  let path = ''
  matrix.dark.forEach((row, rowIndex) => {
    let column = 0
    while (column < row.length) {
      if (!row[column]) {
        column += 1
        continue
      }
      const start = column
      while (row[column]) column += 1
      const x = start + QR_QUIET_ZONE_MODULES
      const y = rowIndex + QR_QUIET_ZONE_MODULES
      path += `M${x} ${y}h${column - start}v1h-${column - start}z`
    }
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  )
}

/** The SVG of the QR code of a text. */
export function qrCodeSvg(text: string): string {
  return qrMatrixSvg(qrMatrixOf(text))
}
