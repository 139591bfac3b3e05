import { csvCell, csvLine, parseCsv, UTF8_BOM } from '@shared/exports'

describe('csvCell', () => {
  it('writes plain text and numbers as they are, and nothing for null', () => {
    expect(csvCell('小满咖啡')).toBe('小满咖啡')
    expect(csvCell(120)).toBe('120')
    expect(csvCell(-30)).toBe('-30')
    expect(csvCell(null)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
  })

  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tTAB'])(
    'keeps %j text in a spreadsheet with a leading quote',
    (text) => {
      expect(csvCell(text)).toBe(`'${text}`)
    },
  )

  it('guards a formula before quoting it', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"')
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"')
  })
})

describe('csvLine and parseCsv', () => {
  it('ends lines with CRLF and reads back what was written, cell for cell', () => {
    const rows = [
      ['会员编号', '昵称', '积分'],
      ['m1', '阿,满', 12],
      ['m2', '"引号"\n换行', null],
      ['m3', '=危险', -5],
    ] as const
    const text = UTF8_BOM + rows.map((row) => csvLine(row)).join('')
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n')
    expect(parseCsv(text)).toEqual([
      ['会员编号', '昵称', '积分'],
      ['m1', '阿,满', '12'],
      ['m2', '"引号"\n换行', ''],
      ['m3', "'=危险", '-5'],
    ])
  })

  it('reads a last line without its line end, and nothing from nothing', () => {
    expect(parseCsv('a,b\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseCsv('')).toEqual([])
    expect(parseCsv(UTF8_BOM)).toEqual([])
  })
})
