import { qualificationPeriodAt } from '@shared/tier'

const shanghai = 'Asia/Shanghai'

describe('qualificationPeriodAt', () => {
  it('uses the local calendar year: 1 January 00:30 in Shanghai is already the new year', () => {
    const nowMs = Date.UTC(2026, 11, 31, 16, 30) // 2027-01-01 00:30 in Shanghai
    const period = qualificationPeriodAt({
      policy: { kind: 'calendarYear' },
      nowMs,
      anchorDay: '2020-05-05',
      timeZone: shanghai,
    })
    expect(period).toEqual({ startDay: '2027-01-01', endDay: '2028-01-01', endsAtMs: Date.UTC(2027, 11, 31, 16) })
  })

  it('repeats rolling periods from the anchor day', () => {
    const nowMs = Date.UTC(2026, 5, 15, 4) // 2026-06-15 in Shanghai
    const period = qualificationPeriodAt({
      policy: { kind: 'rollingMonths', months: 12 },
      nowMs,
      anchorDay: '2024-03-10',
      timeZone: shanghai,
    })
    expect(period.startDay).toBe('2026-03-10')
    expect(period.endDay).toBe('2027-03-10')
    expect(period.endsAtMs).toBe(Date.UTC(2027, 2, 9, 16))
  })

  it('starts the next rolling period exactly on its first day', () => {
    const nowMs = Date.UTC(2026, 2, 9, 16) // 2026-03-10 00:00 in Shanghai
    const period = qualificationPeriodAt({
      policy: { kind: 'rollingMonths', months: 6 },
      nowMs,
      anchorDay: '2025-09-10',
      timeZone: shanghai,
    })
    expect(period.startDay).toBe('2026-03-10')
  })

  it('clamps an anchor on the 31st to shorter months', () => {
    const nowMs = Date.UTC(2028, 1, 15, 4)
    const period = qualificationPeriodAt({
      policy: { kind: 'rollingMonths', months: 1 },
      nowMs,
      anchorDay: '2028-01-31',
      timeZone: shanghai,
    })
    expect(period).toMatchObject({ startDay: '2028-01-31', endDay: '2028-02-29' })
  })
})
