import { MEMBER_ID_PATTERN } from '@shared/admin/memberQuery'
import type { IssueCouponResult } from '@shared/contracts'
import { COUPON_ISSUE_MEMBERS_MAX } from '@shared/programme/schema'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'
import { newRequestId } from '@/utils/requestId'

interface CouponIssueStore {
  readonly templateId: string
  /** Member ids as typed or pasted, one per line (commas and spaces separate too). */
  readonly members: string
  /** The problem with the typed members or the template choice, shown next to the field. */
  readonly membersError: string | null
  readonly templateError: string | null
  readonly busy: boolean
  /** The last request's answer: each member's outcome. */
  readonly result: IssueCouponResult | null
  /** A refusal of the whole request. */
  readonly failure: string | null
  /** Starts the screen: the template chosen from the route (if any) and a member the route names. */
  open(options: { templateId?: string | undefined; memberId?: string | undefined }): void
  chooseTemplate(templateId: string): void
  setMembers(text: string): void
  issue(): Promise<unknown>
}

// One request id per template and member list: a retry after a lost answer, or a second tap of 发放,
// is replayed by the function, never issued twice. A change to either is a new request.
let pendingRequestId: string | null = null
// Members a list (名单) handed over for the next 发券 screen: too many for a route query.
let handedOver: readonly string[] | null = null

/** Hands `memberIds` to the 发券 screen opened next (from 名单: the page of the list on screen). */
export function handMembersToIssue(memberIds: readonly string[]): void {
  handedOver = memberIds
}

/** The member ids typed, each once, in order; or what is wrong with them. */
export function memberIdsOf(text: string): { ok: true; memberIds: string[] } | { ok: false; error: string } {
  const typed = text
    .split(/[\s,，]+/)
    .filter((entry) => entry !== '')
    .map((entry) => entry.toLowerCase())
  const memberIds = [...new Set(typed)]
  const malformed = memberIds.find((memberId) => !MEMBER_ID_PATTERN.test(memberId))
  if (memberIds.length === 0) return { ok: false, error: '请至少填写一个会员编号' }
  if (malformed !== undefined) return { ok: false, error: `会员编号格式不正确：${malformed}` }
  if (memberIds.length > COUPON_ISSUE_MEMBERS_MAX) {
    return { ok: false, error: `一次最多发给 ${COUPON_ISSUE_MEMBERS_MAX} 位会员` }
  }
  return { ok: true, memberIds }
}

const INITIAL = {
  templateId: '',
  members: '',
  membersError: null,
  templateError: null,
  busy: false,
  result: null,
  failure: null,
}

/** The 发券 screen: a template, the members, and each member's outcome (`admin.issueCoupon`). */
export const useCouponIssueStore = create<CouponIssueStore>((set, get) => ({
  ...INITIAL,
  open({ templateId, memberId }) {
    pendingRequestId = null
    const members = memberId ?? handedOver?.join('\n') ?? ''
    handedOver = null
    set({ ...INITIAL, templateId: templateId ?? '', members })
  },
  chooseTemplate(templateId) {
    pendingRequestId = null
    set({ templateId, templateError: null })
  },
  setMembers(text) {
    pendingRequestId = null
    set({ members: text, membersError: null })
  },
  issue: submitOnce(async () => {
    const { templateId, members } = get()
    const parsed = memberIdsOf(members)
    const templateError = templateId === '' ? '请选择优惠券模板' : null
    if (!parsed.ok || templateError !== null) {
      set({ membersError: parsed.ok ? null : parsed.error, templateError })
      return
    }
    pendingRequestId ??= newRequestId()
    set({ busy: true, failure: null, result: null })
    const answer = await callAction('admin', 'issueCoupon', {
      requestId: pendingRequestId,
      templateId,
      memberIds: parsed.memberIds,
    })
    set(answer.ok ? { busy: false, result: answer.data } : { busy: false, failure: answer.message })
  }),
}))
