import type { LedgerEntryType } from './ledgerEntry'

/** What members read for each source of points (an entry's source keeps its kind before `:`). */
const SOURCE_TITLES: Readonly<Record<string, string>> = {
  join: '入会礼',
  profile: '完善资料奖励',
  checkin: '每日签到',
  makeup: '补签',
  purchase: '消费积分',
  referral: '邀请好友奖励',
  upgrade: '升级礼',
  birthday: '生日礼',
  redeem: '积分兑换',
  cancel: '兑换取消退回',
  reverse: '消费撤销',
  expire: '积分过期',
  adjust: '积分调整',
}

/** An entry's line in the points history, by its source, else its type. */
export function ledgerEntryTitle(entry: { readonly source: string; readonly type: LedgerEntryType }): string {
  return SOURCE_TITLES[entry.source.split(':')[0] ?? ''] ?? SOURCE_TITLES[entry.type] ?? '积分变动'
}
