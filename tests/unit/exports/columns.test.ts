import { headerLine, LEDGER_COLUMNS, localTimeText, MEMBER_COLUMNS, parseCsv, rowLines } from '@shared/exports'
import type { LedgerEntry } from '@shared/member'
import { memberNamed, NOW, programme } from '../staff/staffFixtures'

const context = { programme, storeNames: { 'store-1': '国贸店' }, maskPhones: true, asOfMs: NOW }

const member = memberNamed('m-export', {
  joinedStoreId: 'store-1',
  joinedAtMs: Date.UTC(2026, 10, 1, 1, 2, 3),
  lastVisitAtMs: Date.UTC(2026, 10, 20, 12, 0, 0),
  growth: 88,
  points: { balance: 50, lots: [{ amount: 50, expiresAtMs: null }] },
  profile: { nickname: '=阿满', avatarUrl: null, birthday: '05-20', phoneNumber: '13812345678' },
})

function rowOf<Row>(columns: Parameters<typeof rowLines<Row>>[0], row: Row, options = context) {
  const [parsed] = parseCsv(rowLines(columns, [row], options))
  return Object.fromEntries(columns.map((column, index) => [column.title, parsed?.[index]]))
}

describe('the members table', () => {
  it('names its columns in order', () => {
    expect(parseCsv(headerLine(MEMBER_COLUMNS))).toEqual([
      ['会员编号', '昵称', '手机号', '生日', '等级', '积分', '成长值', '加入门店', '加入时间', '最近到店'],
    ])
  })

  it('writes a member with store and tier names, local times and a masked phone', () => {
    expect(rowOf(MEMBER_COLUMNS, member)).toEqual({
      会员编号: 'm-export',
      昵称: "'=阿满",
      手机号: '138****5678',
      生日: '05-20',
      等级: programme.tiers.find((tier) => tier.id === 'regular')?.name,
      积分: '50',
      成长值: '88',
      加入门店: '国贸店',
      加入时间: '2026-11-01 09:02:03',
      最近到店: '2026-11-20 20:00:00',
    })
  })

  it('writes the full phone when not masking, a store it cannot name by its id, and empty cells for nothing', () => {
    const unnamed = { ...member, joinedStoreId: 'store-9', profile: { ...member.profile, nickname: null } }
    expect(rowOf(MEMBER_COLUMNS, unnamed, { ...context, maskPhones: false })).toMatchObject({
      手机号: '13812345678',
      加入门店: 'store-9',
      昵称: '',
    })
    const bare = memberNamed('m-bare', { tierId: 'gone' })
    expect(rowOf(MEMBER_COLUMNS, bare)).toMatchObject({ 手机号: '', 加入门店: '', 生日: '', 等级: 'gone' })
  })
})

describe('the ledger table', () => {
  const entry: LedgerEntry = {
    _id: 'e1',
    memberId: 'm-export',
    type: 'adjust',
    amount: -20,
    balanceAfter: 30,
    lotChanges: [],
    shortfall: 0,
    source: 'adjust:r-1',
    operatorId: 'o-admin',
    idempotencyKey: 'k',
    reason: '补录, 含逗号',
    createdAtMs: Date.UTC(2026, 10, 23, 15, 59, 59),
  }

  it('names its columns in order and writes an entry with its type and source as the console says them', () => {
    expect(parseCsv(headerLine(LEDGER_COLUMNS))[0]).toEqual([
      '时间',
      '会员编号',
      '类型',
      '积分',
      '余额',
      '来源',
      '来源单号',
      '原因',
      '操作人',
    ])
    expect(rowOf(LEDGER_COLUMNS, entry)).toEqual({
      时间: '2026-11-23 23:59:59',
      会员编号: 'm-export',
      类型: '调整',
      积分: '-20',
      余额: '30',
      来源: '积分调整',
      来源单号: 'adjust:r-1',
      原因: '补录, 含逗号',
      操作人: 'o-admin',
    })
  })

  it('writes each type by its name', () => {
    const types = ['earn', 'spend', 'expire', 'reverse'] as const
    expect(types.map((type) => rowOf(LEDGER_COLUMNS, { ...entry, type, source: type }).类型)).toEqual([
      '获得',
      '使用',
      '过期',
      '撤销',
    ])
  })
})

describe('localTimeText', () => {
  it('reads an instant on the programme wall clock, padded', () => {
    expect(localTimeText(Date.UTC(2027, 0, 1, 16, 5, 9), 'Asia/Shanghai')).toBe('2027-01-02 00:05:09')
  })
})
