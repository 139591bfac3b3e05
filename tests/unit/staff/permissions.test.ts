import {
  auditScopeOf,
  DEPLOYMENT_INVITER,
  inviteAuthority,
  inviterAuthority,
  reversalAuthority,
  roleChangeAuthority,
  type StaffBinding,
  staffListScopeOf,
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
  const of = (callerOpenid: string, targetOpenid: string, target: StaffBinding | null = null) => ({
    callerOpenid,
    targetOpenid,
    target,
  })

  it('lets an admin unbind anyone but themselves', () => {
    expect(unbindAuthority(ADMIN, of('o-admin', 'o-manager', OTHER_MANAGER)).ok).toBe(true)
    expect(unbindAuthority(ADMIN, of('o-admin', 'o-admin', ADMIN))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('不能解绑自己'),
    })
  })

  it.each([
    [STAFF, 'ok'],
    [{ role: 'staff', storeId: 'store-2' }, '店长只能解绑本店店员'],
    [OTHER_MANAGER, '店长只能解绑本店店员'],
    [ADMIN, '店长只能解绑本店店员'],
  ] as const)('lets a manager of store-1 unbind %o: %s', (target, expected) => {
    const verdictOf = unbindAuthority(MANAGER, of('o-manager', 'o-target', target))
    expect(verdictOf.ok ? 'ok' : verdictOf.message).toContain(expected)
  })

  it('lets a manager through before the target is read, and never a clerk', () => {
    expect(unbindAuthority(MANAGER, of('o-manager', 'o-staff')).ok).toBe(true)
    expect(unbindAuthority(STAFF, of('o-staff', 'o-other', STAFF))).toMatchObject({
      message: expect.stringContaining('仅店长或管理员'),
    })
  })
})

describe('roleChangeAuthority', () => {
  it.each([
    [ADMIN, 'o-admin', 'o-staff', STAFF, 'ok'],
    [ADMIN, 'o-admin', 'o-manager', OTHER_MANAGER, 'ok'],
    [ADMIN, 'o-admin', 'o-admin', ADMIN, '不能更改自己的角色'],
    [ADMIN, 'o-admin', 'o-other-admin', ADMIN, '管理员的角色不能更改'],
    [MANAGER, 'o-manager', 'o-staff', STAFF, '仅管理员'],
    [STAFF, 'o-staff', 'o-other', STAFF, '仅管理员'],
  ] as const)('lets %o change %s → %s (%o): %s', (binding, callerOpenid, targetOpenid, target, expected) => {
    const verdictOf = roleChangeAuthority(binding, { callerOpenid, targetOpenid, target })
    expect(verdictOf.ok ? 'ok' : verdictOf.message).toContain(expected)
  })
})

describe('staffListScopeOf', () => {
  it.each([
    [ADMIN, undefined, { storeId: null }],
    [ADMIN, 'store-2', { storeId: 'store-2' }],
    [MANAGER, undefined, { storeId: 'store-1' }],
    [MANAGER, 'store-1', { storeId: 'store-1' }],
  ] as const)('lets %o list %s', (binding, storeId, expected) => {
    expect(staffListScopeOf(binding, storeId)).toEqual({ ok: true, data: expected })
  })

  it('refuses a manager another store, and a clerk any', () => {
    expect(staffListScopeOf(MANAGER, 'store-2')).toMatchObject({ message: expect.stringContaining('本店') })
    expect(staffListScopeOf(STAFF, 'store-1')).toMatchObject({ code: 'FORBIDDEN' })
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
