/**
 * The columns of the two exports, in order: a title (the header line) and how each row's cell is read. Rows are
 * the stored documents; what they only name (a tier, a store) is looked up in the context the batch reads once.
 */
import { ledgerEntryTitle } from '../ledger/entryTitle'
import { usableBalance } from '../ledger/usable'
import { heldTierIdOf } from '../member/heldTier'
import type { LedgerEntry, Member } from '../member/member'
import { maskPhoneNumber } from '../member/profile'
import { lastVisitOf } from '../member/visit'
import type { Programme } from '../programme/schema'
import { localDateTimeOf } from '../time/zonedTime'
import { type CsvValue, csvLine } from './csv'

/** What a batch knows besides its rows: the programme (tier names, time zone), store names, whether to mask. */
export interface ExportContext {
  readonly programme: Programme
  /** Store names by id; a store not found shows its id. */
  readonly storeNames: Readonly<Record<string, string>>
  /** Phone numbers as 138****1234: decided when the export was asked for (full for admins only). */
  readonly maskPhones: boolean
  /** The instant the export was asked for: what tiers and usable points are as of. */
  readonly asOfMs: number
}

export interface ExportColumn<Row> {
  readonly title: string
  readonly cell: (row: Row, context: ExportContext) => CsvValue
}

const pad = (value: number) => String(value).padStart(2, '0')

/** An instant as the programme's wall clock reads it: `2026-11-23 08:05:09`, which spreadsheets take for a time. */
export function localTimeText(instantMs: number, timeZone: string): string {
  const local = localDateTimeOf(instantMs, timeZone)
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`
  return `${date} ${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`
}

function storeNameOf(storeId: string | null, context: ExportContext): string | null {
  if (storeId === null) return null
  return Object.hasOwn(context.storeNames, storeId) ? (context.storeNames[storeId] as string) : storeId
}

function phoneOf(member: Member, context: ExportContext): string | null {
  const phone = member.profile.phoneNumber
  return phone === null || !context.maskPhones ? phone : maskPhoneNumber(phone)
}

function tierNameOf(member: Member, context: ExportContext): string {
  const tierId = heldTierIdOf(member, context.programme.tiers, context.asOfMs)
  return context.programme.tiers.find((tier) => tier.id === tierId)?.name ?? tierId
}

export const MEMBER_COLUMNS: readonly ExportColumn<Member>[] = [
  { title: '会员编号', cell: (member) => member._id },
  { title: '昵称', cell: (member) => member.profile.nickname },
  { title: '手机号', cell: phoneOf },
  { title: '生日', cell: (member) => member.profile.birthday },
  { title: '等级', cell: tierNameOf },
  { title: '积分', cell: (member, context) => usableBalance(member.points, context.asOfMs) },
  { title: '成长值', cell: (member) => member.growth },
  { title: '加入门店', cell: (member, context) => storeNameOf(member.joinedStoreId, context) },
  {
    title: '加入时间',
    cell: (member, context) => localTimeText(member.joinedAtMs, context.programme.timeZone),
  },
  {
    title: '最近到店',
    cell: (member, context) =>
      localTimeText(lastVisitOf(member, context.programme.timeZone), context.programme.timeZone),
  },
]

/** An entry's type as the console names it. */
export const LEDGER_TYPE_TITLES: Readonly<Record<LedgerEntry['type'], string>> = {
  earn: '获得',
  spend: '使用',
  expire: '过期',
  reverse: '撤销',
  adjust: '调整',
}

export const LEDGER_COLUMNS: readonly ExportColumn<LedgerEntry>[] = [
  { title: '时间', cell: (entry, context) => localTimeText(entry.createdAtMs, context.programme.timeZone) },
  { title: '会员编号', cell: (entry) => entry.memberId },
  { title: '类型', cell: (entry) => LEDGER_TYPE_TITLES[entry.type] },
  { title: '积分', cell: (entry) => entry.amount },
  { title: '余额', cell: (entry) => entry.balanceAfter },
  { title: '来源', cell: (entry) => ledgerEntryTitle(entry) },
  { title: '来源单号', cell: (entry) => entry.source },
  { title: '原因', cell: (entry) => entry.reason },
  { title: '操作人', cell: (entry) => entry.operatorId },
]

/** The header line of a table. */
export function headerLine(columns: readonly Pick<ExportColumn<never>, 'title'>[]): string {
  return csvLine(columns.map((column) => column.title))
}

/** The lines of some rows, one per row. */
export function rowLines<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[], context: ExportContext) {
  return rows.map((row) => csvLine(columns.map((column) => column.cell(row, context)))).join('')
}
