import { ID_LENGTH_MAX } from '@shared/contracts'
import { formatDateTime, formatFullDay, formatMonth, formatMonthDay } from '@/utils/formatTime'
import { JOIN_ID_LENGTH_MAX, joinInputOf } from '@/utils/joinParams'
import { localRefreshAtMs, MEMBER_CODE_REFRESH_DELAY_MIN_MS, secondsUntil } from '@/utils/memberCodeTiming'

describe('joinInputOf', () => {
  it.each([
    ['a store QR code', { scene: 'store-1' }, { storeId: 'store-1' }],
    [
      'a URL-encoded scene, as WeChat hands it over',
      { scene: encodeURIComponent('store_01') },
      { storeId: 'store_01' },
    ],
    ['a friend share', { referrer: 'm123' }, { referrerMemberId: 'm123' }],
    ['both', { scene: 'store-2', referrer: 'm9' }, { storeId: 'store-2', referrerMemberId: 'm9' }],
    ['nothing', {}, {}],
    ['a scene the API would refuse', { scene: 'store 1;drop' }, {}],
    ['a malformed escape', { scene: '%E4%zz' }, {}],
    ['an id one character too long', { scene: 'x'.repeat(JOIN_ID_LENGTH_MAX + 1) }, {}],
  ])('reads %s', (_case, params, expected) => {
    expect(joinInputOf(params)).toEqual(expected)
  })

  it('keeps the longest id the API accepts', () => {
    expect(joinInputOf({ scene: 'x'.repeat(JOIN_ID_LENGTH_MAX) })).toEqual({ storeId: 'x'.repeat(JOIN_ID_LENGTH_MAX) })
    expect(JOIN_ID_LENGTH_MAX).toBe(ID_LENGTH_MAX)
  })
})

describe('formatDateTime', () => {
  it('shows instants in China Standard Time whatever the host zone (tests run in UTC)', () => {
    expect(formatDateTime(Date.UTC(2026, 4, 1, 1, 30))).toBe('2026-05-01 09:30')
    expect(formatDateTime(Date.UTC(2026, 11, 31, 16, 0))).toBe('2027-01-01 00:00')
  })
})

describe('day and month labels', () => {
  it('reads as Chinese dates', () => {
    expect(formatMonth('2026-05')).toBe('2026年5月')
    expect(formatMonthDay('2026-05-09')).toBe('5月9日')
    expect(formatFullDay('2026-12-31')).toBe('2026年12月31日')
  })
})

describe('localRefreshAtMs', () => {
  const issuedAtMs = 1_800_000_000_000
  const code = {
    token: 't',
    numericCode: '880000000000000001',
    expiresAtMs: issuedAtMs + 60_000,
    refreshAtMs: issuedAtMs + 30_000,
  }

  it.each([
    ['in step with the server', 0],
    ['five minutes fast', 300_000],
    ['an hour slow', -3_600_000],
  ])('refreshes 30 s after the answer arrives on a device %s', (_case, skewMs) => {
    const receivedAtMs = issuedAtMs + 200 + skewMs
    expect(localRefreshAtMs({ code, receivedAtMs }) - receivedAtMs).toBe(30_000)
  })

  it('never refreshes sooner than the minimum delay, nor later than the code lives', () => {
    expect(localRefreshAtMs({ code: { ...code, refreshAtMs: issuedAtMs }, receivedAtMs: 0 })).toBe(
      MEMBER_CODE_REFRESH_DELAY_MIN_MS,
    )
    expect(localRefreshAtMs({ code: { ...code, refreshAtMs: issuedAtMs + 600_000 }, receivedAtMs: 0 })).toBe(60_000)
  })
})

describe('secondsUntil', () => {
  it.each([
    [30_000, 30],
    [29_001, 30],
    [29_000, 29],
    [1, 1],
    [0, 0],
    [-5_000, 0],
  ])('reads %i ms left as %i s', (leftMs, seconds) => {
    expect(secondsUntil({ targetMs: 1_000_000 + leftMs, nowMs: 1_000_000 })).toBe(seconds)
  })
})
