/**
 * CSV as spreadsheets read it (RFC 4180): fields joined by commas, lines ended by CRLF, a field quoted when it
 * holds a quote, a comma or a line break, quotes inside doubled. Files start with a UTF-8 byte order mark,
 * without which Excel reads UTF-8 as the system's code page and shows Chinese as mojibake.
 */

/** The byte order mark a file starts with (once, before the header). */
export const UTF8_BOM = '\uFEFF'

/** A cell's value: text, a number written as is, or nothing (an empty cell). */
export type CsvValue = string | number | null

/**
 * What a spreadsheet takes for the start of a formula (or of a DDE command, for tab and CR): a nickname such as
 * `=HYPERLINK(...)` must stay text when the file is opened, so such a cell gets a leading `'` (OWASP's advice).
 * Numbers are written as numbers and never guarded: a negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Characters that make a field need quotes. */
const NEEDS_QUOTES = /[",\r\n]/

/** One cell as written in a line. */
export function csvCell(value: CsvValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One line: the cells joined by commas, ended by CRLF. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * Reads CSV text back into rows of fields (the BOM dropped, quotes undone): what a spreadsheet sees, so that
 * tests compare an export with the data it came from.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.startsWith(UTF8_BOM) ? text.slice(UTF8_BOM.length) : text
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index += 1
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}
