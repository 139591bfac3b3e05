import jsQR, { type QRCode } from 'jsqr'
import { PNG } from 'pngjs'
import {
  OUTBOX_COLLECTION,
  QUIET_ZONE_MODULES,
  SCENE_LENGTH_MAX,
  TEST_COUNTRY_CODE,
  testPhoneNumberOf,
  WXACODE_WIDTH_DEFAULT,
  WXACODE_WIDTH_MAX,
  WXACODE_WIDTH_MIN,
  wxacodeTextOf,
} from '../../emulator/openapi'
import { failureOf, type Harness, startHarness } from './sdkHarness'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness({ nowMs: () => NOW_MS, newId: idSequence() })
})
afterAll(() => harness.emulator.stop())
beforeEach(() => {
  harness.emulator.reset()
  delete process.env.TCB_SEQID
})

const NOW_MS = Date.UTC(2025, 0, 15, 8, 30)

function idSequence(): () => string {
  let next = 0
  return () => {
    next += 1
    return `id-${next}`
  }
}

async function outbox(): Promise<{ total: number; documents: Record<string, unknown>[] }> {
  const response = await fetch(`${harness.emulator.info().url}/__emulator/collections/${OUTBOX_COLLECTION}`)
  return (await response.json()) as { total: number; documents: Record<string, unknown>[] }
}

const validMessage = {
  touser: 'o-customer-a',
  templateId: 'points-expiring',
  page: 'pages/points/index?from=message',
  data: { thing1: { value: '积分即将过期' }, number2: { value: 120 }, date3: { value: '2025-02-01' } },
  miniprogramState: 'developer',
}

describe('subscribeMessage.send', () => {
  it('records the message in the outbox and answers errCode 0, as WeChat does', async () => {
    process.env.TCB_SEQID = 'invocation-send'
    const result = await harness.cloud.openapi.subscribeMessage.send(validMessage)
    expect(result).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    const { total, documents } = await outbox()
    expect(total).toBe(1)
    expect(documents[0]).toMatchObject({
      touser: 'o-customer-a',
      templateId: 'points-expiring',
      page: 'pages/points/index?from=message',
      data: { thing1: { value: '积分即将过期' }, number2: { value: '120' }, date3: { value: '2025-02-01' } },
      miniprogramState: 'developer',
      sentAtMs: NOW_MS,
      invocationId: 'invocation-send',
    })
  })

  it('is readable from the outbox collection through the database API too', async () => {
    await harness.cloud.openapi.subscribeMessage.send(validMessage)
    await harness.cloud.openapi.subscribeMessage.send({ ...validMessage, touser: 'o-customer-b' })
    const { data } = await harness.db.collection(OUTBOX_COLLECTION).where({ touser: 'o-customer-b' }).get()
    expect(data).toHaveLength(1)
  })

  it.each([
    ['without touser', { ...validMessage, touser: undefined }, 40003, /invalid openid rid: /],
    ['with an empty touser', { ...validMessage, touser: '' }, 40003, /invalid openid/],
    ['without templateId', { ...validMessage, templateId: undefined }, 40037, /invalid template_id rid: /],
    [
      'with an empty value',
      { ...validMessage, data: { thing1: { value: '' } } },
      47003,
      /data\.thing1\.value is emtpy/,
    ],
    [
      'with a thing longer than 20 characters',
      { ...validMessage, data: { thing1: { value: 'x'.repeat(21) } } },
      47003,
      /thing1/,
    ],
    ['with data that is not an object', { ...validMessage, data: 'hello' }, 47003, /argument invalid/],
  ])('refuses a message %s and records nothing', async (_case, message, errCode, errMsg) => {
    const failure = await failureOf(harness.cloud.openapi.subscribeMessage.send(message))
    expect(failure.errCode).toBe(errCode)
    expect(failure.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail /)
    expect(failure.errMsg).toMatch(errMsg)
    expect((await outbox()).total).toBe(0)
  })
})

describe('getOpenData for getPhoneNumber cloudIDs', () => {
  it('answers one phone item per cloudID, in WeChat’s shape', async () => {
    const result = await harness.cloud.getOpenData({ list: ['phone:o-customer-a'] })
    const number = testPhoneNumberOf('phone:o-customer-a')
    expect(result).toMatchObject({ errCode: 0, errMsg: 'getOpenData:ok' })
    expect(result.list).toEqual([
      {
        cloudID: 'phone:o-customer-a',
        data: {
          phoneNumber: number,
          purePhoneNumber: number,
          countryCode: TEST_COUNTRY_CODE,
          watermark: { appid: expect.any(String), timestamp: Math.floor(NOW_MS / 1000) },
        },
      },
    ])
    expect(number).toMatch(/^138\d{8}$/)
  })

  it('gives the same number for the same cloudID and another for another cloudID', async () => {
    const first = await harness.cloud.getOpenData({ list: ['phone:o-customer-a', 'phone:o-customer-b'] })
    const again = await harness.cloud.getOpenData({ list: ['phone:o-customer-a'] })
    // biome-ignore lint/suspicious/noExplicitAny: the SDK types list items as unknown open data.
    const numbers = (result: { list: any[] }) => result.list.map((item) => item.data.purePhoneNumber)
    expect(numbers(again)[0]).toBe(numbers(first)[0])
    expect(numbers(first)[1]).not.toBe(numbers(first)[0])
  })

  it('answers the number a cloudID names outright', async () => {
    const result = await harness.cloud.getOpenData({ list: ['phone:13912345678'] })
    // biome-ignore lint/suspicious/noExplicitAny: the SDK types list items as unknown open data.
    expect((result.list[0] as any).data.phoneNumber).toBe('13912345678')
  })

  it('fails for an empty cloudID', async () => {
    // The SDK's typings declare getOpenData synchronous; it returns a promise.
    const failure = await failureOf(Promise.resolve(harness.cloud.getOpenData({ list: [''] })))
    expect(failure.errCode).toBe(-601001)
    expect(failure.errMsg).toMatch(/internal svrkit error/)
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('answers phoneInfo for a code, deterministically', async () => {
    const result = await harness.cloud.openapi.phonenumber.getPhoneNumber({ code: 'code-a' })
    expect(result).toMatchObject({
      errCode: 0,
      phoneInfo: { phoneNumber: testPhoneNumberOf('code-a'), countryCode: TEST_COUNTRY_CODE },
    })
    const other = await harness.cloud.openapi.phonenumber.getPhoneNumber({ code: 'code-b' })
    expect(other.phoneInfo.phoneNumber).not.toBe(result.phoneInfo.phoneNumber)
  })

  it('refuses an empty code with 40029', async () => {
    const failure = await failureOf(harness.cloud.openapi.phonenumber.getPhoneNumber({ code: '' }))
    expect(failure.errCode).toBe(40029)
  })
})

/** A decoded `getUnlimited` image: its size, RGBA pixels (`data`), and the QR code jsQR reads in it, if any. */
interface DecodedWxacode {
  readonly width: number
  readonly height: number
  readonly data: Buffer
  readonly code: QRCode | null
}

/**
 * Reads the PNG with pngjs and scans it with jsQR, as a phone would see it: laid on white, since jsQR ignores
 * alpha and would read the transparent black of an `isHyaline` background as dark.
 */
function decodeWxacode(buffer: Buffer): DecodedWxacode {
  const image = PNG.sync.read(buffer)
  const onWhite = new Uint8ClampedArray(image.data.length)
  for (let index = 0; index < image.data.length; index += 4) {
    const alpha = (image.data[index + 3] as number) / 255
    for (let channel = 0; channel < 3; channel++) {
      onWhite[index + channel] = Math.round((image.data[index + channel] as number) * alpha + 255 * (1 - alpha))
    }
    onWhite[index + 3] = 255
  }
  return {
    width: image.width,
    height: image.height,
    data: image.data,
    code: jsQR(onWhite, image.width, image.height),
  }
}

/** The distinct RGBA colours of an image, as `r,g,b,a` strings, sorted. */
function coloursOf(image: DecodedWxacode): string[] {
  const colours = new Set<string>()
  for (let index = 0; index < image.data.length; index += 4) {
    colours.add([...image.data.subarray(index, index + 4)].join(','))
  }
  return [...colours].sort()
}

/** The smallest box holding every pixel that is not the background colour of the top-left corner. */
function boxOfCode(image: DecodedWxacode): { left: number; top: number; right: number; bottom: number } {
  const background = image.data.readUInt32BE(0)
  const box = { left: image.width, top: image.height, right: -1, bottom: -1 }
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data.readUInt32BE((y * image.width + x) * 4) === background) continue
      box.left = Math.min(box.left, x)
      box.top = Math.min(box.top, y)
      box.right = Math.max(box.right, x)
      box.bottom = Math.max(box.bottom, y)
    }
  }
  return box
}

describe('wxacode.getUnlimited', () => {
  const request = { scene: 'store=s1', page: 'pages/join/index', checkPath: false }

  it('answers an image/png of width × width pixels whose QR code reads page?scene=<encoded scene>', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited(request)
    expect(result).toMatchObject({ errCode: 0, contentType: 'image/png' })
    const image = decodeWxacode(result.buffer)
    expect(image).toMatchObject({ width: WXACODE_WIDTH_DEFAULT, height: WXACODE_WIDTH_DEFAULT })
    expect(image.code?.data).toBe('pages/join/index?scene=store%3Ds1')
    expect(image.code?.data).toBe(wxacodeTextOf({ scene: 'store=s1', page: 'pages/join/index' }))
  })

  it.each([
    ['a store scene and a page', { scene: 'store=s1', page: 'pages/join/index' }],
    ['a scene without a page', { scene: 'store=s1' }],
    ['a scene of every punctuation mark WeChat allows', { scene: "a!#$&'()*+,/:;=?@-._~z", page: 'pages/join/index' }],
    ['a scene of exactly 32 characters', { scene: 'S'.repeat(SCENE_LENGTH_MAX), page: 'pages/join/index' }],
    // WeChat's scene charset is ASCII, so a Chinese page is what shows the text goes in as UTF-8 bytes.
    ['a page with Chinese characters (UTF-8 byte mode)', { scene: 'store=s1', page: 'pages/门店/会员' }],
  ])('encodes %s so that a scanner reads wxacodeTextOf back, byte for byte in UTF-8', async (_case, options) => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({ ...options, checkPath: false })
    const text = wxacodeTextOf(options)
    const { code } = decodeWxacode(result.buffer)
    expect(code?.data).toBe(text)
    expect(code?.binaryData).toEqual([...Buffer.from(text, 'utf8')])
  })

  it.each([
    ['below the minimum', 100, WXACODE_WIDTH_MIN],
    ['at the minimum', WXACODE_WIDTH_MIN, WXACODE_WIDTH_MIN],
    ['in between, rounded', 599.6, 600],
    ['at the maximum', WXACODE_WIDTH_MAX, WXACODE_WIDTH_MAX],
    ['above the maximum', 5000, WXACODE_WIDTH_MAX],
  ])('clamps a width %s to WeChat’s bounds (%p gives %p pixels) and stays readable', async (_case, width, pixels) => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({ ...request, width })
    const image = decodeWxacode(result.buffer)
    expect(image).toMatchObject({ width: pixels, height: pixels })
    expect(image.code?.data).toBe(wxacodeTextOf(request))
  })

  it('centres the code and leaves a quiet zone of at least four modules on every side', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({ ...request, width: 600 })
    const image = decodeWxacode(result.buffer)
    const modules = 17 + 4 * (image.code?.version ?? Number.NaN)
    const box = boxOfCode(image)
    const scale = (box.right - box.left + 1) / modules
    expect(Number.isInteger(scale)).toBe(true)
    expect(box.bottom - box.top + 1).toBe(scale * modules)
    for (const margin of [box.left, box.top, image.width - 1 - box.right, image.height - 1 - box.bottom]) {
      expect(margin).toBeGreaterThanOrEqual(QUIET_ZONE_MODULES * scale)
    }
    expect(Math.abs(box.left - (image.width - 1 - box.right))).toBeLessThanOrEqual(1)
  })

  it('draws black modules on opaque white by default', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited(request)
    expect(coloursOf(decodeWxacode(result.buffer))).toEqual(['0,0,0,255', '255,255,255,255'])
  })

  it('makes the background transparent with isHyaline, keeping the modules opaque and the code readable', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({ ...request, isHyaline: true })
    const image = decodeWxacode(result.buffer)
    expect(coloursOf(image)).toEqual(['0,0,0,0', '0,0,0,255'])
    expect(image.data[3]).toBe(0)
    expect(image.code?.data).toBe(wxacodeTextOf(request))
  })

  it('draws the dark modules in lineColor, channels given as numbers or numeric strings', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({
      ...request,
      lineColor: { r: 20, g: '80', b: 160 },
    })
    const image = decodeWxacode(result.buffer)
    expect(coloursOf(image)).toEqual(['20,80,160,255', '255,255,255,255'])
    expect(image.code?.data).toBe(wxacodeTextOf(request))
  })

  it('clamps lineColor channels to 0–255 and reads a missing or non-numeric one as 0', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({
      ...request,
      lineColor: { r: 300, g: 'teal', b: -5 },
    })
    expect(coloursOf(decodeWxacode(result.buffer))).toEqual(['255,0,0,255', '255,255,255,255'])
  })

  it('ignores lineColor with autoColor and draws black', async () => {
    const result = await harness.cloud.openapi.wxacode.getUnlimited({
      ...request,
      autoColor: true,
      lineColor: { r: 20, g: 80, b: 160 },
    })
    expect(coloursOf(decodeWxacode(result.buffer))).toEqual(['0,0,0,255', '255,255,255,255'])
  })

  it('answers the same bytes for the same parameters and another image for another scene', async () => {
    const first = await harness.cloud.openapi.wxacode.getUnlimited(request)
    const again = await harness.cloud.openapi.wxacode.getUnlimited(request)
    const other = await harness.cloud.openapi.wxacode.getUnlimited({ ...request, scene: 'store=s2' })
    expect(Buffer.compare(first.buffer, again.buffer)).toBe(0)
    const firstImage = decodeWxacode(first.buffer)
    const otherImage = decodeWxacode(other.buffer)
    expect(firstImage.data.equals(otherImage.data)).toBe(false)
    expect(otherImage.code?.data).toBe(wxacodeTextOf({ ...request, scene: 'store=s2' }))
  })

  it.each([
    ['that is longer than 32 characters', 'a'.repeat(SCENE_LENGTH_MAX + 1)],
    ['that is empty', ''],
    ['with characters WeChat refuses', 'store=门店'],
    ['with a percent sign', 'a%20b'],
    ['with a space', 'store s1'],
  ])('refuses a scene %s with 40169', async (_case, scene) => {
    const failure = await failureOf(harness.cloud.openapi.wxacode.getUnlimited({ ...request, scene }))
    expect(failure.errCode).toBe(40169)
    expect(failure.errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail invalid length for scene/)
  })

  it('refuses a missing scene with 40169', async () => {
    const failure = await failureOf(harness.cloud.openapi.wxacode.getUnlimited({ page: 'pages/join/index' }))
    expect(failure.errCode).toBe(40169)
  })

  it('refuses a page that starts with / with 41030', async () => {
    const failure = await failureOf(
      harness.cloud.openapi.wxacode.getUnlimited({ ...request, page: '/pages/join/index' }),
    )
    expect(failure.errCode).toBe(41030)
    expect(failure.errMsg).toMatch(/page must not start with \//)
  })

  it('refuses a page too long for any QR code version with 41030', async () => {
    const failure = await failureOf(
      harness.cloud.openapi.wxacode.getUnlimited({ ...request, page: `pages/${'x'.repeat(3000)}` }),
    )
    expect(failure.errCode).toBe(41030)
    expect(failure.errMsg).toMatch(/page is too long/)
  })

  it('refuses an unknown envVersion with 40097 and accepts the three WeChat knows', async () => {
    const failure = await failureOf(harness.cloud.openapi.wxacode.getUnlimited({ ...request, envVersion: 'beta' }))
    expect(failure.errCode).toBe(40097)
    expect(failure.errMsg).toMatch(/env_version must be one of release, trial, develop/)
    for (const envVersion of ['release', 'trial', 'develop']) {
      const result = await harness.cloud.openapi.wxacode.getUnlimited({ ...request, envVersion })
      expect(result.errCode).toBe(0)
    }
  })
})

describe('open APIs the emulator does not answer', () => {
  it('fail with the SDK’s system error naming the API', async () => {
    const failure = await failureOf(harness.cloud.openapi.wxacode.createQRCode({ path: 'pages/index/index' }))
    expect(failure.errCode).toBe(-501001)
    expect(failure.errMsg).toMatch(/wxacode\.createQRCode is not supported/)
  })

  it('are counted per invocation like database requests', async () => {
    process.env.TCB_SEQID = 'invocation-open'
    await harness.cloud.openapi.subscribeMessage.send(validMessage)
    expect(harness.emulator.requestCountsOf('invocation-open').byAction).toEqual({
      'wx.openApi.subscribeMessage.send': 1,
    })
  })
})
