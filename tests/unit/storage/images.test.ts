import { clientMayUploadTo, cloudFolderOf, IMAGE_BYTES_MAX, imageProblemOf, imageTypeOf } from '../../../shared/storage'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50])
const GIF = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])

describe('imageTypeOf', () => {
  it.each([
    ['png', PNG],
    ['jpeg', JPEG],
    ['webp', WEBP],
  ])('recognises %s by its magic number', (type, bytes) => {
    expect(imageTypeOf(bytes)).toBe(type)
  })

  it('refuses a GIF, a RIFF that is not WebP, and bytes shorter than any signature', () => {
    expect(imageTypeOf(GIF)).toBeNull()
    expect(imageTypeOf(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20]))).toBeNull()
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50]))).toBeNull()
  })
})

describe('imageProblemOf', () => {
  it('accepts an image of exactly the limit', () => {
    const bytes = new Uint8Array(IMAGE_BYTES_MAX)
    bytes.set(PNG)
    expect(imageProblemOf(bytes)).toBeNull()
  })

  it.each([
    [
      'one byte over the limit',
      (() => {
        const bytes = new Uint8Array(IMAGE_BYTES_MAX + 1)
        bytes.set(PNG)
        return bytes
      })(),
      '图片不能超过 2 MB',
    ],
    ['a GIF', GIF, '只支持 PNG、JPEG 或 WebP 图片'],
    ['nothing', new Uint8Array(0), '图片是空的，请重新选择'],
  ])('refuses %s, saying why in Chinese', (_case, bytes, problem) => {
    expect(imageProblemOf(bytes)).toBe(problem)
  })
})

describe('where clients may upload', () => {
  it.each([
    ['items/a.png', true],
    ['avatars/b.jpg', true],
    ['qrcodes/store-1.png', false],
    ['elsewhere/c.png', false],
    ['itemsx/d.png', false],
  ])('%s: %s', (cloudPath, allowed) => {
    expect(clientMayUploadTo(cloudPath)).toBe(allowed)
  })

  it('reads the folder of a file id too', () => {
    expect(cloudFolderOf('cloud://env-1.bucket-1/items/a.png')).toBe('items')
    expect(cloudFolderOf('qrcodes/store-1.png')).toBe('qrcodes')
  })
})
