import type { FieldChanges } from '@shared/admin'
import {
  type AuditLogEntry,
  type AuditLogNames,
  STAFF_SUBJECT_ACTIONS,
  STORE_SUBJECT_ACTIONS,
  type StaffRole,
} from '@shared/contracts'
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

/** The names of two pages, for the entries of both. */
export function mergedNames(shown: AuditLogNames, next: AuditLogNames): AuditLogNames {
  return {
    stores: { ...shown.stores, ...next.stores },
    staff: { ...shown.staff, ...next.staff },
    members: { ...shown.members, ...next.members },
  }
}

// Own entries only: an id may read `constructor`, which every object answers.
function nameIn(names: Readonly<Record<string, string>>, id: string): string | undefined {
  return Object.hasOwn(names, id) ? names[id] : undefined
}

/** A store by name; by id when it names no store (any more). */
export function storeText(storeId: string, names: AuditLogNames): string {
  return nameIn(names.stores, storeId) ?? storeId
}

/** A member as staff know them: nickname and member number (the number alone without a nickname). */
function memberText(memberId: string, names: AuditLogNames): string {
  const nickname = nameIn(names.members, memberId)
  return nickname === undefined ? memberId : `${nickname}（${memberId}）`
}

/**
 * Whom or what an entry concerned, by name where it names a member, a staff member or a store (else
 * the id: an item, a template, an invite code); null when nothing.
 */
export function auditSubjectText(entry: AuditLogEntry, names: AuditLogNames): string | null {
  if (entry.memberId !== null) return memberText(entry.memberId, names)
  if (entry.subjectId === null) return null
  if (STAFF_SUBJECT_ACTIONS.includes(entry.action)) return nameIn(names.staff, entry.subjectId) ?? entry.subjectId
  if (STORE_SUBJECT_ACTIONS.includes(entry.action)) return storeText(entry.subjectId, names)
  return entry.subjectId
}

function valueText(field: string, value: unknown, names: AuditLogNames): string {
  if (value === null || value === undefined || value === '') return '无'
  if (field === 'role' && isRole(value)) return roleText(value)
  if (field === 'status' && typeof value === 'string' && Object.hasOwn(STATUS_NAMES, value))
    return STATUS_NAMES[value] ?? value
  if (field === 'storeId' && typeof value === 'string') return storeText(value, names)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > VALUE_TEXT_MAX ? `${text.slice(0, VALUE_TEXT_MAX - 1)}…` : text
}

/** What an entry changed, compactly: `角色 店员 → 店长；门店 国贸店 → 西湖店`; '' when nothing. */
export function changesText(changes: FieldChanges, names: AuditLogNames): string {
  return Object.entries(changes)
    .map(([field, change]) => {
      const name = FIELD_NAMES[field] ?? field
      return `${name} ${valueText(field, change.before, names)} → ${valueText(field, change.after, names)}`
    })
    .join('；')
}
