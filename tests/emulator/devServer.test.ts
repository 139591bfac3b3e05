import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type RunningDevServer, startDevServer } from '../../emulator/devServer/server'
import { FunctionHost } from '../../emulator/functions/host'

// Starting emulators and child processes takes seconds on a loaded 2-core machine; the default 5 s is for unit tests.
jest.setTimeout(30_000)

const fixtures = path.join(__dirname, 'fixtures', 'functions')

describe('the dev server', () => {
  const host = new FunctionHost({ functionsRoot: fixtures, environment: {} })
  const staticRoot = mkdtempSync(path.join(tmpdir(), 'dist-h5-'))
  let server: RunningDevServer

  beforeAll(async () => {
    writeFileSync(path.join(staticRoot, 'index.html'), '<html>会员中心</html>')
    writeFileSync(path.join(staticRoot, 'app.js'), 'console.log(1)')
    server = await startDevServer({ host, staticRoot })
  })

  afterAll(async () => {
    await server.stop()
    await host.stop()
    rmSync(staticRoot, { recursive: true, force: true })
  })

  async function call(name: string, data: unknown, identityKey?: string) {
    const response = await fetch(`${server.url}/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(identityKey ? { 'x-local-identity': identityKey } : {}) },
      body: JSON.stringify({ data }),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('invokes a function as the identity picked in the switcher', async () => {
    await expect(call('whoami', {}, 'staff')).resolves.toMatchObject({
      status: 200,
      body: { result: { OPENID: 'o-demo-staff-store-1', SOURCE: 'wx_client' }, errMsg: 'cloud.callFunction:ok' },
    })
  })

  it('plays the first customer when no identity is picked', async () => {
    await expect(call('whoami', {})).resolves.toMatchObject({ body: { result: { OPENID: 'o-demo-customer-a' } } })
  })

  it('starts the invocation’s clock at the instant a job run names, and at the real time otherwise', async () => {
    const atMs = Date.UTC(2027, 11, 31, 16, 0, 1)
    const response = await fetch(`${server.url}/api/functions/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-clock': String(atMs) },
      body: JSON.stringify({ data: {} }),
    })
    const { result } = (await response.json()) as { result: { nowMs: number } }
    expect(result.nowMs - atMs).toBeGreaterThanOrEqual(0)
    expect(result.nowMs - atMs).toBeLessThan(60_000)
    const unclocked = (await call('clock', {})).body.result as { nowMs: number }
    expect(Math.abs(unclocked.nowMs - Date.now())).toBeLessThan(60_000)
  })

  it('passes the function’s failure on in callFunction’s terms', async () => {
    await expect(call('thrower', { fail: true })).resolves.toMatchObject({
      status: 502,
      body: { errCode: -504002, errMsg: expect.stringContaining('cloud.callFunction:fail') },
    })
    await expect(call('nothing-here', {})).resolves.toMatchObject({ status: 502, body: { errCode: -501000 } })
  })

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/api/functions/echo`, { method: 'POST', body: '{not json' })
    expect(response.status).toBe(400)
  })

  it('lists the demo identities for the switcher', async () => {
    const body = (await (await fetch(`${server.url}/api/identities`)).json()) as { identities: { key: string }[] }
    expect(body.identities.map((identity) => identity.key)).toEqual([
      'customerA',
      'customerB',
      'staff',
      'manager',
      'admin',
    ])
  })

  it('serves the H5 build and nothing outside it', async () => {
    const index = await fetch(`${server.url}/`)
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toContain('会员中心')
    expect((await fetch(`${server.url}/app.js`)).status).toBe(200)
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404)
  })
})
