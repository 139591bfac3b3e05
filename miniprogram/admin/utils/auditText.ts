import type { FieldChanges } from '@shared/admin'
import type { StaffRole } from '@shared/contracts'
import { roleText } from '@/staff/utils/staffText'

// Names for the fields the admin actions audit most; any other shows as its key.
const FIELD_NAMES: Readonly<Record<string, string>> = {
  role: '角色',
  storeId: '门店',
  points: '积分',
  birthday: '生日',
  grantedTier: '等级',
  stock: '库存',
  status: '状态',
  name: '名称',
  title: '标题',
}

// An approval's status (the decision's entry records it before and after) in a manager's words.
const STATUS_NAMES: Readonly<Record<string, string>> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
}

const VALUE_TEXT_MAX = 40

function isRole(value: unknown): value is StaffRole {
  return value === 'staff' || value === 'manager' || value === 'admin'
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '无'
  if (field === 'role' && isRole(value)) return roleText(value)
  if (field === 'status' && typeof value === 'string' && Object.hasOwn(STATUS_NAMES, value))
    return STATUS_NAMES[value] ?? value
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > VALUE_TEXT_MAX ? `${text.slice(0, VALUE_TEXT_MAX - 1)}…` : text
}

/** What an entry changed, compactly: `角色 店员 → 店长；门店 store-1 → store-2`; '' when nothing. */
export function changesText(changes: FieldChanges): string {
  return Object.entries(changes)
    .map(([field, change]) => {
      const name = FIELD_NAMES[field] ?? field
      return `${name} ${valueText(field, change.before)} → ${valueText(field, change.after)}`
    })
    .join('；')
}
