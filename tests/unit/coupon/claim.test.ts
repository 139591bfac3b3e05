import { type ClaimCounter, type ClaimRequest, claimCounterIdOf, decideClaim } from '@shared/coupon'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'
import { FIVE_OFF_THIRTY } from './fixtures'

const T = Date.UTC(2026, 10, 24, 4)
const DAY_MS = 86_400_000

const template = FIVE_OFF_THIRTY

const requestFor = (requestId: string, overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({
  memberId: 'm1',
  requestId,
  couponId: `c-${requestId}`,
  template,
  programme: DEMO_PROGRAMME,
  ...overrides,
})

const counterAt = (count: number): ClaimCounter => ({
  _id: claimCounterIdOf('m1', template.id),
  memberId: 'm1',
  templateId: template.id,
  count,
  updatedAtMs: T - DAY_MS,
})

describe('decideClaim', () => {
  it('issues a coupon keyed by the request and counts the first claim', () => {
    const decided = decideClaim({ existing: null, counter: null }, requestFor('r1'), T)
    expect(decided).toMatchObject({
      ok: true,
      data: {
        replayed: false,
        coupon: {
          _id: 'c-r1',
          memberId: 'm1',
          templateId: template.id,
          source: 'claim',
          requestId: 'r1',
          usedAtMs: null,
        },
        counter: { _id: 'm1_five-off-thirty', count: 1, updatedAtMs: T },
      },
    })
  })

  it('counts on from an existing counter', () => {
    const decided = decideClaim({ existing: null, counter: counterAt(1) }, requestFor('r2'), T)
    expect(decided.ok && !decided.data.replayed && decided.data.counter.count).toBe(2)
  })

  it('refuses a claim at the per-member limit', () => {
    expect(decideClaim({ existing: null, counter: counterAt(2) }, requestFor('r3'), T)).toMatchObject({
      ok: false,
      code: 'LIMIT_REACHED',
      message: '已达到上限：每人限领 2 张',
    })
  })

  it('answers a replay with the first coupon and writes nothing, even at the limit', () => {
    const first = decideClaim({ existing: null, counter: counterAt(1) }, requestFor('r1'), T)
    if (!first.ok) throw new Error(first.code)
    const replay = decideClaim({ existing: first.data.coupon, counter: counterAt(2) }, requestFor('r1'), T + DAY_MS)
    expect(replay).toEqual({ ok: true, data: { replayed: true, coupon: first.data.coupon } })
  })

  it('refuses a request id that already claimed another template before the limit', () => {
    const other = decideClaim({ existing: null, counter: null }, requestFor('r1'), T)
    if (!other.ok) throw new Error(other.code)
    const reused = decideClaim(
      { existing: { ...other.data.coupon, templateId: 'another' }, counter: counterAt(2) },
      requestFor('r1'),
      T,
    )
    expect(reused).toMatchObject({ ok: false, code: 'REQUEST_ID_REUSED' })
  })

  it('never counts a member above the limit, however many claims they make', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 30 }), (limit, attempts) => {
        let counter: ClaimCounter | null = null
        let issued = 0
        for (let index = 0; index < attempts; index += 1) {
          const request = requestFor(`r${index}`, { template: { ...template, perMemberLimit: limit } })
          const decided = decideClaim({ existing: null, counter }, request, T)
          if (!decided.ok) {
            expect(decided.code).toBe('LIMIT_REACHED')
            continue
          }
          if (decided.data.replayed) throw new Error('a new request id is never a replay')
          counter = decided.data.counter
          issued += 1
        }
        expect(counter?.count ?? 0).toBe(issued)
        expect(issued).toBe(Math.min(limit, attempts))
      }),
    )
  })
})
