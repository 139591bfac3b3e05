import path from 'node:path'
import { FunctionHost } from '../../emulator/functions/host'
import { clientCaller, functionCaller } from '../../emulator/functions/identity'

const fixtures = path.join(__dirname, 'fixtures', 'functions')

// The first test starts four instances at once: on a busy 2-core machine that takes longer than jest's 5 s.
jest.setTimeout(30_000)

describe('the function host', () => {
  const host = new FunctionHost({ functionsRoot: fixtures, environment: {}, instancesPerFunction: 4 })

  afterAll(() => host.stop())

  it('gives each of 50 concurrent callers their own OPENID', async () => {
    const openids = Array.from({ length: 50 }, (_, index) => `o-user-${index}`)
    const answers = (await Promise.all(openids.map((openid) => host.invoke('whoami', {}, clientCaller(openid))))) as {
      OPENID: string
    }[]
    expect(answers.map((answer) => answer.OPENID)).toEqual(openids)
  })

  it('reports the call source, and no OPENID for a call from another function', async () => {
    await expect(host.invoke('whoami', {}, clientCaller('o-a'))).resolves.toMatchObject({ SOURCE: 'wx_client' })
    const nested = (await host.invoke('whoami', {}, functionCaller('wx_client'))) as Record<string, unknown>
    expect(nested.SOURCE).toBe('wx_client,scf')
    expect(nested.OPENID).toBeUndefined()
  })

  it('returns results as JSON, as CloudBase does', async () => {
    const answer = (await host.invoke('echo', { points: 5 }, clientCaller('o-a'))) as Record<string, unknown>
    expect(answer.event).toEqual({ points: 5 })
    expect(answer.at).toBe('1970-01-01T00:00:00.000Z')
    expect('missing' in answer).toBe(false)
    expect(answer.requestId).toMatch(/^inv[0-9a-z]+x[0-9a-f]+$/)
  })

  it('fails a function that runs past its time limit with CloudBase’s error, then serves the next call', async () => {
    await expect(host.invoke('sleepy', {}, clientCaller('o-a'))).rejects.toMatchObject({
      kind: 'timeout',
      errCode: -504003,
      message: expect.stringContaining('timed out after 1 seconds'),
    })
    await expect(host.invoke('whoami', {}, clientCaller('o-b'))).resolves.toMatchObject({ OPENID: 'o-b' })
  })

  it('kills an invocation at a shorter time limit given for it alone (a fault for tests), with the same error', async () => {
    await expect(host.invoke('sleepy', {}, clientCaller('o-a'), { timeLimitMs: 5 })).rejects.toMatchObject({
      kind: 'timeout',
      errCode: -504003,
      message: expect.stringContaining('timed out after 0.005 seconds'),
    })
    // Never longer than the function's own limit: sleepy's one second still applies.
    await expect(host.invoke('sleepy', {}, clientCaller('o-a'), { timeLimitMs: 60_000 })).rejects.toMatchObject({
      message: expect.stringContaining('timed out after 1 seconds'),
    })
    expect(() => host.invoke('whoami', {}, clientCaller('o-a'), { timeLimitMs: 0.5 })).toThrow(RangeError)
    await expect(host.invoke('whoami', {}, clientCaller('o-b'))).resolves.toMatchObject({ OPENID: 'o-b' })
  })

  it('counts the time limit from the moment the handler runs, not from the instance’s cold start', async () => {
    await expect(host.invoke('slowStart', {}, clientCaller('o-a'))).resolves.toBe('started')
  })

  it('turns a thrown error into a failed invocation without losing the instance pool', async () => {
    await expect(host.invoke('thrower', { fail: true }, clientCaller('o-a'))).rejects.toMatchObject({
      kind: 'crashed',
      errCode: -504002,
      message: expect.stringContaining('boom'),
    })
    await expect(host.invoke('thrower', { fail: false }, clientCaller('o-a'))).resolves.toBe('fine')
  })

  it('runs an invocation at a simulated instant, and the next one at the real time again', async () => {
    const simulated = (await host.invoke('clock', {}, clientCaller('o-a'), { clockMs: Date.UTC(2027, 0, 1) })) as {
      nowMs: number
    }
    expect(simulated.nowMs).toBeGreaterThanOrEqual(Date.UTC(2027, 0, 1))
    expect(simulated.nowMs).toBeLessThan(Date.UTC(2027, 0, 1) + 60_000)
    const real = (await host.invoke('clock', {}, clientCaller('o-a'))) as { nowMs: number }
    expect(Math.abs(real.nowMs - Date.now())).toBeLessThan(60_000)
  })

  it.each(['no-such-function', '../functions/whoami', ''])('answers “not found” for %p', async (name) => {
    await expect(host.invoke(name, {}, clientCaller('o-a'))).rejects.toMatchObject({
      kind: 'notFound',
      errCode: -501000,
    })
  })
})
