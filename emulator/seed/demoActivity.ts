/**
 * A fortnight of demo activity, played through the real cloud functions with the clock set back
 * (members joining from either store's QR code, from a friend or directly; check-ins; purchases at
 * both counters; a refund reversed; a mall redemption), then the jobs that fold it into the
 * dashboard's figures and take the members' snapshot. Played, not written: every figure 数据看板 shows after `npm start` was counted
 * the way production counts it, so the demo shows the dashboard working, not a picture of it.
 *
 * Only members of its own play (`o-demo-member-NN`): the identities of the switcher stay unjoined,
 * so a developer can still join as 顾客 A.
 */
import type { ActionInput, ActionName, ActionOutput, ApiEnvelope, FunctionName } from '@shared/contracts'
import type { FunctionHost } from '../functions/host'
import { clientCaller } from '../functions/identity'
import { DEMO_IDENTITIES } from './demoIdentities'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
/** Days of activity before today (today included). */
export const DEMO_ACTIVITY_DAYS = 14
const MEMBER_COUNT = 12
const NICKNAMES = ['阿满', '小雨', '老周', '七七', '大鹏', '橙子', '木木', '小北', '阿杰', '豆豆', '林林', '一一']

const openidOf = (key: string) => DEMO_IDENTITIES.find((identity) => identity.key === key)?.openid as string
/** Staff of store 2, bound by the activity (the switcher's staff work at store 1). */
export const DEMO_STORE_TWO_STAFF = { _id: 'o-demo-staff-store-2', name: '小周' } as const

/** One member's part of the play. */
interface DemoMember {
  readonly openid: string
  readonly nickname: string
  /** Days before today the member joins. */
  readonly joinsDaysAgo: number
  readonly join: { storeId?: string; referrerOf?: number }
  readonly birthday: string
}

function demoMembers(): readonly DemoMember[] {
  return Array.from({ length: MEMBER_COUNT }, (_, index) => ({
    openid: `o-demo-member-${String(index + 1).padStart(2, '0')}`,
    nickname: NICKNAMES[index] as string,
    joinsDaysAgo: DEMO_ACTIVITY_DAYS - 1 - ((index * 5) % DEMO_ACTIVITY_DAYS),
    // Store QR codes mostly, a friend's share now and then, one straight from the mini-program.
    join: index === 5 ? {} : index % 4 === 3 ? { referrerOf: 0 } : { storeId: index % 3 === 1 ? 'store-2' : 'store-1' },
    birthday: `${String((index % 12) + 1).padStart(2, '0')}-${String(((index * 7) % 27) + 1).padStart(2, '0')}`,
  }))
}

/** What the play did, for the start-up banner. */
export interface DemoActivitySummary {
  readonly members: number
  readonly checkIns: number
  readonly purchases: number
  readonly redeemed: number
}

type Call = <F extends FunctionName, A extends ActionName<F>>(
  as: string,
  name: F,
  action: A,
  input: ActionInput<F, A>,
  atMs: number,
) => Promise<ActionOutput<F, A>>

/** Members of a fortnight spend 100 points on the mall's ¥5 coupon; two use theirs at store 1 an hour later. */
async function redeemCoupons(call: Call, members: readonly DemoMember[], nowMs: number): Promise<number> {
  const redeemers = members.filter((member) => member.joinsDaysAgo >= 10)
  await Promise.all(
    redeemers.map(async (member, index) => {
      const atMs = nowMs - 2 * 60 * MINUTE_MS
      const redeemed = await call(
        member.openid,
        'mall',
        'redeem',
        { itemId: 'item-five-off-coupon', requestId: `demo-redeem-${member.openid}` },
        atMs,
      )
      if (index >= 2 || redeemed.redemption.kind !== 'coupon') return
      const usedAtMs = atMs + 60 * MINUTE_MS
      const code = await call(
        member.openid,
        'coupon',
        'couponCode',
        { couponId: redeemed.redemption.coupon.id },
        usedAtMs,
      )
      await call(openidOf('staff'), 'staff', 'verifyCoupon', { token: code.token }, usedAtMs)
    }),
  )
  return redeemers.length
}

interface Purchase {
  readonly purchaseEntryId: string
  readonly storeId: string
  readonly atMs: number
}

const clerkOf = (storeId: string) => (storeId === 'store-2' ? DEMO_STORE_TWO_STAFF._id : openidOf('staff'))

/** Everyone joins (referrers first: a share link names a member who exists) and fills in a nickname and birthday. */
async function joinAll(call: Call, members: readonly DemoMember[], nowMs: number): Promise<void> {
  const memberIds: string[] = []
  const joinOf = async (member: DemoMember) => {
    const atMs = nowMs - member.joinsDaysAgo * DAY_MS - 30 * MINUTE_MS
    const { referrerOf, storeId } = member.join
    const input = referrerOf === undefined ? (storeId ? { storeId } : {}) : { referrerMemberId: memberIds[referrerOf] }
    const joined = await call(member.openid, 'member', 'join', input, atMs)
    await call(member.openid, 'member', 'updateProfile', { nickname: member.nickname, birthday: member.birthday }, atMs)
    return joined.card.memberId
  }
  memberIds[0] = await joinOf(members[0] as DemoMember)
  memberIds.push(...(await Promise.all(members.slice(1).map(joinOf))))
}

/** One purchase at the member's home counter: the member shows their code, the clerk scans it and records. */
async function purchaseAt(
  call: Call,
  member: DemoMember,
  amountFen: number,
  options: { requestId: string; atMs: number },
) {
  const storeId = member.join.storeId ?? 'store-1'
  const clerk = clerkOf(storeId)
  const code = await call(member.openid, 'member', 'memberCode', {}, options.atMs)
  const counter = await call(clerk, 'staff', 'resolveMemberCode', { token: code.token }, options.atMs)
  const input = { session: counter.session.token, amountFen, requestId: options.requestId }
  const recorded = await call(clerk, 'staff', 'recordPurchase', input, options.atMs)
  return { purchaseEntryId: recorded.purchaseEntryId, storeId, atMs: options.atMs }
}

/** Each member's days since joining, in order: a check-in two days in three, a purchase one in four. */
async function playDays(call: Call, members: readonly DemoMember[], nowMs: number) {
  const purchases: Purchase[] = []
  let checkIns = 0
  await Promise.all(
    members.map(async (member, index) => {
      for (let daysAgo = member.joinsDaysAgo; daysAgo >= 0; daysAgo -= 1) {
        const dayMs = nowMs - daysAgo * DAY_MS - 20 * MINUTE_MS
        if ((index + daysAgo) % 3 !== 0) {
          await call(member.openid, 'checkin', 'checkIn', {}, dayMs)
          checkIns += 1
        }
        if ((index + daysAgo) % 4 !== 0) continue
        // Every fifth member once buys a ¥560 order (beans and a grinder): enough growth for 银卡.
        const bigOrder = index % 5 === 0 && daysAgo === member.joinsDaysAgo - 1
        const amountFen = bigOrder ? 56_000 : 2_800 + ((index * 7 + daysAgo * 13) % 10) * 900
        const requestId = `demo-purchase-${index}-${daysAgo}`
        purchases.push(await purchaseAt(call, member, amountFen, { requestId, atMs: dayMs + 5 * MINUTE_MS }))
      }
    }),
  )
  return { purchases, checkIns }
}

/**
 * Plays the activity, member by member in parallel and each member's days in order, and folds it.
 * Throws on any refusal: the play is fixed, so a refusal is a bug the developer should see at start.
 */
export async function playDemoActivity(
  functions: FunctionHost,
  bindStaff: (staff: Record<string, unknown>) => Promise<void>,
  nowMs: number,
): Promise<DemoActivitySummary> {
  const call: Call = async (as, name, action, input, atMs) => {
    const answer = (await functions.invoke(name, { action, input }, clientCaller(as), {
      clockMs: atMs,
    })) as ApiEnvelope<ActionOutput<typeof name, typeof action>>
    if (!answer.ok) throw new Error(`demo activity: ${name}.${action} as ${as} answered ${answer.code}`)
    return answer.data
  }
  await bindStaff({
    _id: DEMO_STORE_TWO_STAFF._id,
    openid: DEMO_STORE_TWO_STAFF._id,
    role: 'staff',
    storeId: 'store-2',
    name: DEMO_STORE_TWO_STAFF.name,
    boundAtMs: nowMs - DEMO_ACTIVITY_DAYS * DAY_MS,
  })
  const members = demoMembers()
  await joinAll(call, members, nowMs)
  const { purchases, checkIns } = await playDays(call, members, nowMs)
  // A refund at store 1: its manager reverses the first purchase there.
  const refunded = purchases.filter((purchase) => purchase.storeId === 'store-1').sort((a, b) => a.atMs - b.atMs)[0]
  if (refunded) {
    const input = { purchaseEntryId: refunded.purchaseEntryId, reason: '顾客退货' }
    await call(openidOf('manager'), 'staff', 'reversePurchase', input, refunded.atMs + 10 * MINUTE_MS)
  }
  const redeemed = await redeemCoupons(call, members, nowMs)
  // What the timers would do next: fold the stat events into daily figures, take the members' snapshot.
  for (const job of ['foldStats', 'snapshotMembers'] as const) {
    await call(openidOf('admin'), 'jobs', 'run', { job, dryRun: false }, nowMs)
  }
  return { members: members.length, checkIns, purchases: purchases.length, redeemed }
}
