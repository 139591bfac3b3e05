import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileIdOf, OBJECT_BYTES_MAX, sdkEnvironment, TEMP_URL_MAX_AGE_DEFAULT_S } from '../../emulator'
import { failureOf, type Harness, startHarness, TEST_ENV_ID } from './sdkHarness'

let harness: Harness
let nowMs = Date.UTC(2025, 0, 15, 8, 30)

beforeAll(async () => {
  harness = await startHarness({ nowMs: () => nowMs })
})
afterAll(() => harness.emulator.stop())
beforeEach(() => {
  harness.emulator.reset()
  nowMs = Date.UTC(2025, 0, 15, 8, 30)
})

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

type TempFileEntry = string | { fileID: string; maxAge: number }

/** The SDK's answers, without the `void` its typings add for the callback form. */
async function tempFilesOf(fileList: TempFileEntry[]) {
  const result = await harness.cloud.getTempFileURL({ fileList })
  return (result as Exclude<typeof result, void>).fileList
}

async function deletedFilesOf(fileList: string[]) {
  const result = await harness.cloud.deleteFile({ fileList })
  return (result as Exclude<typeof result, void>).fileList
}

async function tempUrlOf(fileID: string): Promise<string> {
  const [entry] = await tempFilesOf([fileID])
  return entry?.tempFileURL as string
}

describe('cloud storage through the real wx-server-sdk', () => {
  it('uploads a file and answers its cloud:// file id', async () => {
    const result = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    expect(result.fileID).toBe(fileIdOf(TEST_ENV_ID, 'items/a.png'))
    expect(result.fileID).toMatch(/^cloud:\/\/test-env\.[^/]+\/items\/a\.png$/)
  })

  it('serves the same bytes at the temporary URL', async () => {
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const response = await fetch(await tempUrlOf(fileID))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG_BYTES)).toBe(true)
  })

  it('downloads the same bytes through downloadFile', async () => {
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'qrcodes/store-1.png', fileContent: PNG_BYTES })
    const { fileContent } = await harness.cloud.downloadFile({ fileID })
    expect(Buffer.from(fileContent).equals(PNG_BYTES)).toBe(true)
  })

  it('replaces a file uploaded again to the same path', async () => {
    await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: Buffer.from('second') })
    const { fileContent } = await harness.cloud.downloadFile({ fileID })
    expect(Buffer.from(fileContent).toString()).toBe('second')
  })

  it('deletes files, answering -503003 for one that does not exist', async () => {
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const missing = fileIdOf(TEST_ENV_ID, 'items/never.png')
    const fileList = await deletedFilesOf([fileID, missing])
    expect(fileList).toEqual([
      { fileID, status: 0, errMsg: 'ok' },
      { fileID: missing, status: -503003, errMsg: 'storage file not exists' },
    ])
    const [entry] = await tempFilesOf([fileID])
    expect(entry).toMatchObject({ status: -503003, tempFileURL: '' })
    expect(await failureOf(harness.cloud.downloadFile({ fileID }))).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' })
  })

  it('answers -503003 for a file id of another environment', async () => {
    const foreign = 'cloud://prod-env.prod-bucket/items/a.png'
    const [entry] = await tempFilesOf([foreign])
    expect(entry).toMatchObject({ fileID: foreign, status: -503003 })
  })

  it.each([
    ['starts with /', '/items/a.png', /must not start with \//],
    ['has a .. segment', 'items/../a.png', /\.\. segment/],
    ['has an empty segment', 'items//a.png', /empty/],
    ['contains ?', 'items/a.png?x=1', /contains \?/],
  ])('refuses a cloud path that %s, naming why', async (_case, cloudPath, reason) => {
    const failure = await failureOf(harness.cloud.uploadFile({ cloudPath, fileContent: PNG_BYTES }))
    expect(failure.code).toBe('INVALID_PARAM')
    expect(failure.errMsg).toMatch(reason)
  })

  it('refuses an object over the size limit and stores nothing', async () => {
    const fileContent = Buffer.alloc(OBJECT_BYTES_MAX + 1)
    const failure = await failureOf(harness.cloud.uploadFile({ cloudPath: 'big.bin', fileContent }))
    expect(failure.code).toBe('STORAGE_REQUEST_FAIL')
    expect(failure.errMsg).toMatch(/EntityTooLarge.*larger than 10485760 bytes/)
    const [entry] = await tempFilesOf([fileIdOf(TEST_ENV_ID, 'big.bin')])
    expect(entry?.status).toBe(-503003)
  })
})

describe('object URLs', () => {
  it('refuses a temporary URL once its max age has passed', async () => {
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const fileList = await tempFilesOf([{ fileID, maxAge: 60 }])
    expect(fileList[0]?.maxAge).toBe(60)
    nowMs += 61_000
    const response = await fetch(fileList[0]?.tempFileURL as string)
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/<Code>AccessDenied<\/Code>[\s\S]*Request has expired/)
  })

  it('lasts a day when no max age is given', async () => {
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const url = await tempUrlOf(fileID)
    nowMs += TEMP_URL_MAX_AGE_DEFAULT_S * 1000
    expect((await fetch(url)).status).toBe(200)
    nowMs += 1
    expect((await fetch(url)).status).toBe(403)
  })

  it('refuses a URL signed for another object', async () => {
    await harness.cloud.uploadFile({ cloudPath: 'items/secret.png', fileContent: PNG_BYTES })
    const { fileID } = await harness.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    const forged = (await tempUrlOf(fileID)).replace('items/a.png', 'items/secret.png')
    expect((await fetch(forged)).status).toBe(403)
  })

  it('refuses a PUT without the upload signature', async () => {
    const response = await fetch(`${harness.emulator.info().url}/cos/items/a.png`, { method: 'PUT', body: 'x' })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/)
  })

  it('keeps files on disk under a directory, so they survive a restart', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'storage-'))
    const first = await startHarness({ files: { kind: 'directory', path: directory } })
    try {
      await first.cloud.uploadFile({ cloudPath: 'items/a.png', fileContent: PNG_BYTES })
    } finally {
      await first.emulator.stop()
    }
    expect(readFileSync(path.join(directory, 'items', 'a.png')).equals(PNG_BYTES)).toBe(true)
    const second = await startHarness({ files: { kind: 'directory', path: directory } })
    try {
      const { fileContent } = await second.cloud.downloadFile({ fileID: fileIdOf(TEST_ENV_ID, 'items/a.png') })
      expect(Buffer.from(fileContent).equals(PNG_BYTES)).toBe(true)
    } finally {
      await second.emulator.stop()
      rmSync(directory, { recursive: true, force: true })
      // The harness pointed the SDK at the second emulator: point it back.
      Object.assign(process.env, sdkEnvironment({ emulatorUrl: harness.emulator.info().url, envId: TEST_ENV_ID }))
    }
  })
})
