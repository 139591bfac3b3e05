import {
  auditScopeOf,
  DEPLOYMENT_INVITER,
  inviteAuthority,
  inviterAuthority,
  reversalAuthority,
  type StaffBinding,
  unbindAuthority,
} from '@shared/staff'

const ADMIN: StaffBinding = { role: 'admin', storeId: null }
const MANAGER: StaffBinding = { role: 'manager', storeId: 'store-1' }
const STAFF: StaffBinding = { role: 'staff', storeId: 'store-1' }
const OTHER_MANAGER: StaffBinding = { role: 'manager', storeId: 'store-2' }

const verdict = (result: { ok: boolean }) => (result.ok ? 'ok' : 'FORBIDDEN')

describe('inviteAuthority', () => {
  it.each([
    [ADMIN, 'manager', 'store-2', 'ok'],
    [ADMIN, 'staff', 'store-1', 'ok'],
    [MANAGER, 'staff', 'store-1', 'ok'],
    [MANAGER, 'manager', 'store-1', 'FORBIDDEN'],
    [MANAGER, 'staff', 'store-2', 'FORBIDDEN'],
    [STAFF, 'staff', 'store-1', 'FORBIDDEN'],
  ] as const)('lets %o invite a %s of %s: %s', (binding, role, storeId, expected) => {
    expect(verdict(inviteAuthority(binding, { role, storeId }))).toBe(expected)
  })

  it('explains a refusal in words for the role', () => {
    expect(inviteAuthority(MANAGER, { role: 'manager', storeId: 'store-1' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('店长只能邀请本店店员'),
    })
    expect(inviteAuthority(STAFF, { role: 'staff', storeId: 'store-1' })).toMatchObject({
      message: expect.stringContaining('仅店长或管理员'),
    })
  })
})

describe('inviterAuthority', () => {
  const staffInvite = { role: 'staff', storeId: 'store-1' } as const

  it('keeps an invite whose creator still may create it', () => {
    expect(inviterAuthority({ openid: 'o-manager', binding: MANAGER }, staffInvite)).toEqual({
      ok: true,
      data: undefined,
    })
  })

  it('revokes an invite whose creator was unbound, or can no longer create it', () => {
    expect(inviterAuthority({ openid: 'o-manager', binding: null }, staffInvite)).toMatchObject({
      code: 'INVITE_REVOKED',
    })
    expect(inviterAuthority({ openid: 'o-manager', binding: STAFF }, staffInvite)).toMatchObject({
      code: 'INVITE_REVOKED',
    })
    const movedManager: StaffBinding = { role: 'manager', storeId: 'store-2' }
    expect(inviterAuthority({ openid: 'o-manager', binding: movedManager }, staffInvite)).toMatchObject({
      code: 'INVITE_REVOKED',
    })
  })

  it('keeps the deploy seed’s first admin invite, which no staff member created', () => {
    const adminInvite = { role: 'admin', storeId: 'store-1' } as never
    expect(inviterAuthority({ openid: DEPLOYMENT_INVITER, binding: null }, adminInvite).ok).toBe(true)
  })
})

describe('unbindAuthority', () => {
  it('lets only an admin unbind, and never themselves', () => {
    expect(unbindAuthority(ADMIN, { callerOpenid: 'o-admin', targetOpenid: 'o-staff' }).ok).toBe(true)
    expect(unbindAuthority(ADMIN, { callerOpenid: 'o-admin', targetOpenid: 'o-admin' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('不能解绑自己'),
    })
    expect(unbindAuthority(MANAGER, { callerOpenid: 'o-manager', targetOpenid: 'o-staff' }).ok).toBe(false)
    expect(unbindAuthority(STAFF, { callerOpenid: 'o-staff', targetOpenid: 'o-other' }).ok).toBe(false)
  })
})

describe('reversalAuthority', () => {
  it.each([
    [ADMIN, 'store-1', 'ok'],
    [ADMIN, null, 'ok'],
    [MANAGER, 'store-1', 'ok'],
    [OTHER_MANAGER, 'store-1', 'FORBIDDEN'],
    [MANAGER, null, 'FORBIDDEN'],
    [STAFF, 'store-1', 'FORBIDDEN'],
  ] as const)('lets %o reverse a purchase of %s: %s', (binding, storeId, expected) => {
    expect(verdict(reversalAuthority(binding, storeId))).toBe(expected)
  })

  it('tells a manager of another store why', () => {
    expect(reversalAuthority(OTHER_MANAGER, 'store-1')).toMatchObject({ message: expect.stringContaining('本店') })
    expect(reversalAuthority(STAFF, 'store-1')).toMatchObject({ message: expect.stringContaining('仅店长或管理员') })
  })
})

describe('auditScopeOf', () => {
  it('gives everyone their own list', () => {
    for (const binding of [ADMIN, MANAGER, STAFF])
      expect(auditScopeOf(binding, 'mine')).toEqual({ ok: true, data: { kind: 'mine' } })
  })

  it('gives a manager their store, an admin every store (null), plain staff nothing', () => {
    expect(auditScopeOf(MANAGER, 'store')).toEqual({ ok: true, data: { kind: 'store', storeId: 'store-1' } })
    expect(auditScopeOf(ADMIN, 'store')).toEqual({ ok: true, data: { kind: 'store', storeId: null } })
    expect(auditScopeOf(STAFF, 'store')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
