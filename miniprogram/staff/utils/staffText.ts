import type { AuditAction, AuditEntryView, StaffRole, UsageRecord } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { formatDateTime } from '@/utils/formatTime'

const ROLE_NAMES: Readonly<Record<StaffRole, string>> = { staff: '店员', manager: '店长', admin: '管理员' }

const ACTION_NAMES: Readonly<Record<AuditAction, string>> = {
  purchase: '记录消费',
  reversePurchase: '撤销消费',
  verifyCoupon: '核销优惠券',
  verifyPickup: '订单取货',
  createInvite: '创建邀请',
  acceptInvite: '接受邀请',
  unbind: '解除绑定',
  selfPurchaseRefused: '为本人记录消费（已拒绝）',
  saveItem: '保存商品',
  retireItem: '下架商品',
  restoreItem: '恢复商品',
  adjustStock: '调整库存',
  adjustPoints: '调整积分',
  correctBirthday: '更正生日',
  changeStaffRole: '更改员工角色',
  grantTier: '授予等级',
  saveCouponTemplate: '保存优惠券模板',
  retireCouponTemplate: '停发优惠券模板',
  restoreCouponTemplate: '恢复优惠券模板',
  issueCoupon: '发放优惠券',
  saveStore: '保存门店',
  saveProgrammeDraft: '保存会员规则草稿',
  publishProgramme: '发布会员规则',
  restoreProgrammeVersion: '恢复会员规则版本',
  decideApproval: '审批超额消费',
  requestExport: '导出数据',
  saveRfmThresholds: '设置 RFM 分群门槛',
}

/** A role as the counter names it: 店员, 店长, 管理员. */
export function roleText(role: StaffRole): string {
  return ROLE_NAMES[role]
}

/** What an audit entry did, in a word or two. */
export function auditActionText(action: AuditAction): string {
  return ACTION_NAMES[action]
}

/** Points added or taken back, signed: `+88 积分`, `-88 积分`. */
export function signedPointsText(points: number): string {
  return `${points > 0 ? '+' : ''}${points} 积分`
}

/** The details line of an audit entry: amount, points, note and who did it. */
export function auditDetailText(entry: AuditEntryView): string {
  const parts: string[] = []
  if (entry.amountFen !== null) parts.push(formatFen(entry.amountFen))
  if (entry.points !== null) parts.push(signedPointsText(entry.points))
  if (entry.note !== null && entry.note !== '') parts.push(entry.note)
  parts.push(entry.operatorName)
  return parts.join(' · ')
}

/** Who got there first, for a second attempt: `已于 2026-05-01 09:30 由 小林 在 1 号店核销`. */
export function usageText(usage: UsageRecord, verb: string): string {
  const where = usage.storeName ?? (usage.storeId === null ? null : usage.storeId)
  return `已于 ${formatDateTime(usage.atMs)} 由 ${usage.byName}${where === null ? '' : ` 在 ${where}`}${verb}`
}
