import { prepareUploadInput, uploadCloudPathOf, uploadIdOf } from '@shared/contracts'

const ID = '0123456789abcdef0123456789abcdef'

describe('item picture uploads', () => {
  it('names an upload’s cloud path after its id and type, and reads the id back from the path or a file id', () => {
    expect(uploadCloudPathOf(ID, 'jpeg')).toBe(`items/${ID}.jpeg`)
    expect(uploadIdOf(`items/${ID}.png`)).toBe(ID)
    expect(uploadIdOf(`cloud://env.bucket/items/${ID}.webp`)).toBe(ID)
  })

  it.each([
    ['another folder', `avatars/${ID}.png`],
    ['a subfolder', `items/extra/${ID}.png`],
    ['a short id', 'items/0123.png'],
    ['another type', `items/${ID}.gif`],
    ['an https URL', 'https://cdn.example.com/tote.png'],
  ])('reads no upload id from %s', (_case, path) => {
    expect(uploadIdOf(path)).toBeNull()
  })

  it('takes the picture’s size when the platform says, and refuses one over 2 MB or empty', () => {
    expect(prepareUploadInput.safeParse({ purpose: 'item', type: 'png' }).success).toBe(true)
    expect(prepareUploadInput.safeParse({ purpose: 'item', type: 'png', byteSize: 2 * 1024 * 1024 }).success).toBe(true)
    expect(prepareUploadInput.safeParse({ purpose: 'item', type: 'png', byteSize: 2 * 1024 * 1024 + 1 }).success).toBe(
      false,
    )
    expect(prepareUploadInput.safeParse({ purpose: 'item', type: 'png', byteSize: 0 }).success).toBe(false)
    expect(prepareUploadInput.safeParse({ purpose: 'avatar', type: 'png' }).success).toBe(false)
  })
})
