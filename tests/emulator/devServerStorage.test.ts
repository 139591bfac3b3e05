import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { IMAGE_BYTES_MAX } from '@shared/storage'
import { type RunningDevServer, startDevServer } from '../../emulator/devServer/server'
import { sdkStorage } from '../../emulator/devServer/storageRoutes'
import { FunctionHost } from '../../emulator/functions/host'
import { type Harness, startHarness } from './sdkHarness'

jest.setTimeout(30_000)

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('rest of the picture')])

describe('the dev server’s storage routes (the H5 app’s wx.cloud.uploadFile)', () => {
  const host = new FunctionHost({ functionsRoot: path.join(__dirname, 'fixtures', 'functions'), environment: {} })
  const staticRoot = mkdtempSync(path.join(tmpdir(), 'dist-h5-'))
  let harness: Harness
  let server: RunningDevServer

  beforeAll(async () => {
    harness = await startHarness()
    server = await startDevServer({ host, staticRoot, storage: sdkStorage(harness.cloud) })
  })
  afterAll(async () => {
    await server.stop()
    await host.stop()
    await harness.emulator.stop()
    rmSync(staticRoot, { recursive: true, force: true })
  })

  async function upload(cloudPath: string, body: Buffer) {
    const response = await fetch(`${server.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'x-local-identity': 'admin', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    })
    return { status: response.status, body: (await response.json()) as { fileID?: string; errMsg: string } }
  }

  it('stores an item picture and shows it through a redirect to its temporary URL', async () => {
    const answer = await upload('items/a.png', PNG)
    expect(answer).toMatchObject({ status: 200, body: { errMsg: 'cloud.uploadFile:ok' } })
    expect(answer.body.fileID).toMatch(/^cloud:\/\/.+\/items\/a\.png$/)
    const shown = await fetch(`${server.url}/api/storage/file?fileID=${encodeURIComponent(answer.body.fileID ?? '')}`)
    expect(shown.status).toBe(200)
    expect(Buffer.from(await shown.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it.each([
    ['a QR code path, which only the admin function writes', 'qrcodes/store-1.png', PNG, 403, /may not write/],
    [
      'a picture that is not PNG, JPEG or WebP',
      'items/b.gif',
      Buffer.from('GIF89a...'),
      400,
      /只支持 PNG、JPEG 或 WebP/,
    ],
    ['a picture over 2 MB', 'items/c.png', Buffer.concat([PNG, Buffer.alloc(IMAGE_BYTES_MAX)]), 413, /不能超过 2 MB/],
    ['a path with ..', 'items/../d.png', PNG, 400, /\.\. segment/],
  ])('refuses %s, storing nothing', async (_case, cloudPath, body, status, message) => {
    const answer = await upload(cloudPath, body)
    expect(answer.status).toBe(status)
    expect(answer.body.errMsg).toMatch(/^cloud\.uploadFile:fail /)
    expect(answer.body.errMsg).toMatch(message)
  })

  it('answers 404 for a file id that names nothing stored', async () => {
    const missing = encodeURIComponent('cloud://test-env.test-env-local-bucket/items/none.png')
    expect((await fetch(`${server.url}/api/storage/file?fileID=${missing}`)).status).toBe(404)
  })
})
