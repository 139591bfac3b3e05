import { TextDecoder, TextEncoder } from 'node:util'
import fc from 'fast-check'
import { encodeBase64 } from '@/utils/base64'
import { svgDataUrl } from '@/utils/svgDataUrl'
import { utf8Bytes } from '@/utils/utf8'

describe('utf8Bytes', () => {
  it.each([
    ['ASCII', 'M1.abc', [0x4d, 0x31, 0x2e, 0x61, 0x62, 0x63]],
    ['two-byte characters', 'é', [0xc3, 0xa9]],
    ['Chinese', '会员', [0xe4, 0xbc, 0x9a, 0xe5, 0x91, 0x98]],
    ['characters outside the basic plane', '😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a lone surrogate, as U+FFFD', '\ud800', [0xef, 0xbf, 0xbd]],
  ])('encodes %s', (_case, text, expected) => {
    expect([...utf8Bytes(text)]).toEqual(expected)
  })

  it('gives what TextEncoder gives for any string', () => {
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect([...utf8Bytes(text)]).toEqual([...encoder.encode(text)])
      }),
    )
  })
})

describe('encodeBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as the RFC 4648 test vector %j', (text, expected) => {
    expect(encodeBase64(utf8Bytes(text))).toBe(expected)
  })

  it('uses the standard alphabet, with + and /', () => {
    expect(encodeBase64(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('+/+/')
  })

  it('agrees with the browser btoa for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)))
      }),
    )
  })
})

describe('svgDataUrl', () => {
  it('wraps the UTF-8 of the SVG in a base64 data URL that decodes back to it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>会员码</text></svg>'
    const url = svgDataUrl(svg)
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const decoded = new TextDecoder().decode(
      Uint8Array.from(atob(url.slice('data:image/svg+xml;base64,'.length)), (character) => character.charCodeAt(0)),
    )
    expect(decoded).toBe(svg)
  })
})
