import { continueExportInput, requestExportInput } from '@shared/contracts'

const issuesOf = (input: unknown) => {
  const parsed = requestExportInput.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])
}

describe('requestExportInput', () => {
  const requestId = 'export-req-01'

  it('takes every member, members who joined in a range, or the ledger of a range of at most 92 days', () => {
    expect(issuesOf({ requestId, kind: 'members' })).toEqual([])
    expect(issuesOf({ requestId, kind: 'members', from: '2026-11-01', to: '2026-11-01', storeId: 'store-1' })).toEqual(
      [],
    )
    expect(issuesOf({ requestId, kind: 'ledger', from: '2026-08-24', to: '2026-11-23' })).toEqual([])
  })

  it('names the field of each problem', () => {
    expect(issuesOf({ requestId, kind: 'ledger' })).toEqual([['from', '请选择日期范围']])
    expect(issuesOf({ requestId, kind: 'members', from: '2026-11-01' })).toEqual([['to', '请选择日期范围']])
    expect(issuesOf({ requestId, kind: 'ledger', from: '2026-11-02', to: '2026-11-01' })).toEqual([
      ['to', '结束日期不能早于开始日期'],
    ])
    expect(issuesOf({ requestId, kind: 'ledger', from: '2026-08-23', to: '2026-11-23' })).toEqual([
      ['to', '一次最多导出 92 天'],
    ])
    expect(issuesOf({ requestId, kind: 'ledger', from: '2026-13-01', to: '2026-11-23' })).toEqual([
      ['from', '日期格式应为 YYYY-MM-DD'],
    ])
    expect(issuesOf({ requestId, kind: 'orders' })).toEqual([['kind', '请选择导出内容']])
  })
})

describe('continueExportInput', () => {
  it('takes an export id only', () => {
    expect(continueExportInput.safeParse({ exportId: 'x0123456789abcdef01234567' }).success).toBe(true)
    expect(continueExportInput.safeParse({ exportId: '../other' }).success).toBe(false)
  })
})
