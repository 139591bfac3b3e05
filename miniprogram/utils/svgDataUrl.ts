import { encodeBase64 } from './base64'
import { utf8Bytes } from './utf8'

/** An SVG document as a data URL that `<Image src>` shows on weapp and H5 alike. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${encodeBase64(utf8Bytes(svg))}`
}
