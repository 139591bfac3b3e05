import { birthdaySchema, historyInput, joinInput, programmeGetInput, updateProfileInput } from '@shared/contracts'
import { isErrorCode, messageFor } from '@shared/errors'
import { err } from '@shared/result'

describe('member action inputs', () => {
  it('accepts a join from a store QR code, a share or neither', () => {
    expect(joinInput.safeParse({ storeId: 'store-1' }).success).toBe(true)
    expect(joinInput.safeParse({ referrerMemberId: 'm0123456789abcdef' }).success).toBe(true)
    expect(joinInput.safeParse({}).success).toBe(true)
  })

  it.each<[unknown, string]>([
    [{ storeId: '' }, 'empty store id'],
    [{ storeId: 'store 1' }, 'a space'],
    [{ storeId: 'x'.repeat(41) }, 'an over-long id'],
    [{ storeId: 42 }, 'a number'],
    [{ openid: 'o-someone-else' }, 'a claimed identity'],
  ])('refuses a join with %p (%s)', (input) => {
    expect(joinInput.safeParse(input).success).toBe(false)
  })

  it.each([
    ['02-29', true],
    ['12-31', true],
    ['02-30', false],
    ['04-31', false],
    ['13-01', false],
    ['2-1', false],
  ])('birthday %s is valid: %p', (birthday, valid) => {
    expect(birthdaySchema.safeParse(birthday).success).toBe(valid)
  })

  it('bounds the history page size and refuses unknown fields', () => {
    expect(historyInput.safeParse({ pageSize: 50 }).success).toBe(true)
    expect(historyInput.safeParse({ pageSize: 51 }).success).toBe(false)
    expect(historyInput.safeParse({ pageSize: 0 }).success).toBe(false)
    expect(historyInput.safeParse({ memberId: 'm1' }).success).toBe(false)
  })

  it('trims nicknames and refuses empty ones and non-URLs as avatars', () => {
    expect(updateProfileInput.parse({ nickname: '  小满  ' })).toEqual({ nickname: '小满' })
    expect(updateProfileInput.safeParse({ nickname: '   ' }).success).toBe(false)
    expect(updateProfileInput.safeParse({ avatarUrl: 'not a url' }).success).toBe(false)
  })

  it('takes no input for programme.get', () => {
    expect(programmeGetInput.safeParse({}).success).toBe(true)
    expect(programmeGetInput.safeParse({ extra: 1 }).success).toBe(false)
  })
})

describe('error codes', () => {
  it('recognises known codes only', () => {
    expect(isErrorCode('POINTS_INSUFFICIENT')).toBe(true)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false)
  })

  it('builds failures with the catalogue message and an optional detail', () => {
    expect(err('CODE_EXPIRED')).toEqual({ ok: false, code: 'CODE_EXPIRED', message: messageFor('CODE_EXPIRED') })
    expect(err('INVALID_INPUT', 'amountFen')).toMatchObject({ message: '输入有误：amountFen' })
  })
})
