import type { MemberListKind } from '@shared/admin/memberLists'
import { DORMANT_DAYS_MAX, EXPIRING_DAYS_MAX, NEAR_TIER_GROWTH_MAX } from '@shared/admin/memberLists'
import type { MemberListReason } from '@shared/contracts'
import { formatDateTime, formatMonthDay } from '@/utils/formatTime'

/** Each list as the 名单 screen offers it: its label, and its one number (if any) with its bounds and default. */
export interface MemberListOption {
  readonly id: string
  readonly value: MemberListKind
  readonly label: string
  readonly parameter: { readonly label: string; readonly max: number; readonly initial: number } | null
}

export const MEMBER_LIST_OPTIONS: readonly MemberListOption[] = [
  {
    id: 'member-list-dormant',
    value: 'dormant',
    label: '沉睡会员',
    parameter: { label: '多少天未到店', max: DORMANT_DAYS_MAX, initial: 30 },
  },
  { id: 'member-list-birthdays', value: 'birthdays', label: '本月生日', parameter: null },
  {
    id: 'member-list-nearTier',
    value: 'nearTier',
    label: '即将升级',
    parameter: { label: '距下一等级不超过多少成长值', max: NEAR_TIER_GROWTH_MAX, initial: 100 },
  },
  {
    id: 'member-list-expiringPoints',
    value: 'expiringPoints',
    label: '积分即将过期',
    parameter: { label: '多少天内过期', max: EXPIRING_DAYS_MAX, initial: 30 },
  },
]

export const memberListOptionOf = (list: MemberListKind) =>
  MEMBER_LIST_OPTIONS.find((option) => option.value === list) as MemberListOption

/** Why the member is on the list, as the row's note. */
export function reasonText(reason: MemberListReason): string {
  switch (reason.list) {
    case 'dormant':
      return `最近到店 ${formatDateTime(reason.lastVisitAtMs).slice(0, 10)}`
    case 'birthdays':
      return `生日 ${formatMonthDay(`0000-${reason.birthday}`)}`
    case 'nearTier':
      return `再得 ${reason.growthShort} 成长值升级${reason.nextTier}`
    case 'expiringPoints':
      return `${reason.points} 积分将于 ${formatDateTime(reason.firstExpiresAtMs).slice(0, 10)} 起过期`
  }
}

/** The list's number as typed, or what is wrong with it. */
export function parameterOf(
  option: MemberListOption,
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const parameter = option.parameter
  if (parameter === null) return { ok: true, value: 0 }
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > parameter.max) {
    return { ok: false, error: `请输入 1–${parameter.max} 的整数` }
  }
  return { ok: true, value }
}
