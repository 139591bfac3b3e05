import { action } from '@shared/contracts'
import { err, ok } from '@shared/result'
import { z } from 'zod'
import { createRouter, defineAction } from '../../cloudfunctions/common/router'

const CONTRACTS = {
  double: action<{ doubled: number; caller: string }>()(
    z.object({ points: z.number().int().positive().max(1000) }).strict(),
    [],
  ),
  refuse: action<never>()(z.object({}), ['FORBIDDEN']),
  explode: action<never>()(z.object({}), []),
}

interface TestContext {
  readonly openid: string
}

const double = defineAction(CONTRACTS.double, async (input, context: TestContext) =>
  ok({ doubled: input.points * 2, caller: context.openid }),
)
const refuse = defineAction(CONTRACTS.refuse, async (_input, _context: TestContext) => err('FORBIDDEN'))
const explode = defineAction(CONTRACTS.explode, async (_input, _context: TestContext) => {
  throw new Error('database on fire')
})

describe('the action router', () => {
  const contextOf = jest.fn(() => ({ openid: 'o-caller' }))
  const main = createRouter(CONTRACTS, { double, refuse, explode }, contextOf)

  beforeEach(() => contextOf.mockClear())

  it('runs the named action with validated input and the resolved caller', async () => {
    await expect(main({ action: 'double', input: { points: 21 } })).resolves.toEqual({
      ok: true,
      data: { doubled: 42, caller: 'o-caller' },
    })
  })

  it.each([
    [{ action: 'triple', input: {} }],
    [{ action: 'toString' }],
    [{ action: 'constructor' }],
    [{ action: 42 }],
    [{ action: 'x'.repeat(65) }],
    [null],
    ['double'],
  ])('answers UNKNOWN_ACTION for %p without resolving the caller', async (event) => {
    await expect(main(event)).resolves.toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(contextOf).not.toHaveBeenCalled()
  })

  it.each([
    [{ points: -1 }, 'points'],
    [{ points: 1.5 }, 'points'],
    [{ points: '12' }, 'points'],
    [{ points: 1e9 }, 'points'],
    [{ points: 1, extra: true }, 'extra'],
  ])('answers INVALID_INPUT naming the field for %p', async (input, field) => {
    const answer = await main({ action: 'double', input })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(answer.ok === false && answer.message).toContain(field)
  })

  it('passes domain failures through unchanged', async () => {
    await expect(main({ action: 'refuse' })).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '没有权限执行此操作',
    })
  })

  it('answers INTERNAL when a handler throws, without leaking the error', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const answer = await main({ action: 'explode' })
    expect(answer).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    expect(consoleError).toHaveBeenCalled()
    consoleError.mockRestore()
  })
})
