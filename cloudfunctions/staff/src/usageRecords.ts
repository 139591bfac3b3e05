import type { UsageRecord, UsageRefusal } from '@shared/contracts'
import { messageFor } from '@shared/errors'
import { localDateTimeOf } from '@shared/time/zonedTime'
import type { Database } from '../../common/cloud'
import { readDocument } from '../../common/readDocument'
import { loadStore } from '../../common/requireStaff'

const two = (value: number) => String(value).padStart(2, '0')

/** An instant as the counter reads it: `2026-11-23 14:05` in the programme's time zone. */
export function localTimeText(instantMs: number, timeZone: string): string {
  const local = localDateTimeOf(instantMs, timeZone)
  return `${local.year}-${two(local.month)}-${two(local.day)} ${two(local.hour)}:${two(local.minute)}`
}

/**
 * Who used a coupon or collected an order, and where: the name from the action's audit entry, or
 * from the staff binding when the audit entry is not written yet (or the binding is gone, "unknown").
 * Requests: audit entry, staff and store (3, at once).
 */
export async function usageRecordOf(
  db: Database,
  usage: {
    readonly auditId: string
    readonly byOpenid: string
    readonly storeId: string | null
    readonly atMs: number
  },
): Promise<UsageRecord> {
  const [audit, staff, store] = await Promise.all([
    readDocument(db.collection('audit').doc(usage.auditId)),
    readDocument(db.collection('staff').doc(usage.byOpenid)),
    loadStore(db, usage.storeId),
  ])
  return {
    byOpenid: usage.byOpenid,
    byName: audit?.operatorName ?? staff?.name ?? '未知员工',
    storeId: usage.storeId,
    storeName: store?.name ?? null,
    atMs: usage.atMs,
  }
}

/** COUPON_USED or ALREADY_PICKED_UP saying who, when and where, in words and as `details`. */
export function usageRefusal<Code extends UsageRefusal['code']>(
  code: Code,
  record: UsageRecord,
  options: { readonly timeZone: string; readonly verb: string },
): UsageRefusal & { readonly code: Code } {
  const where = record.storeName ?? record.storeId ?? '总部'
  const detail = `${record.byName} 于 ${localTimeText(record.atMs, options.timeZone)} 在 ${where}${options.verb}`
  return { ok: false, code, message: `${messageFor(code)}：${detail}`, details: record }
}
