import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const DIST = path.resolve(__dirname, '..', '..', 'dist')
/** WeChat refuses a main package over 2 MB; staying well under leaves room to grow. */
const MAIN_PACKAGE_BYTES_BUDGET = 1.5 * 1024 * 1024
const SUBPACKAGE_ROOTS = ['staff']

function bytesUnder(folder: string, skip: readonly string[] = []): number {
  return readdirSync(folder).reduce((total, name) => {
    if (skip.includes(name)) return total
    const file = path.join(folder, name)
    const stats = statSync(file)
    return total + (stats.isDirectory() ? bytesUnder(file) : stats.size)
  }, 0)
}

describe('the weapp package sizes', () => {
  it('keeps the main package well under WeChat’s 2 MB limit', () => {
    expect(bytesUnder(DIST, SUBPACKAGE_ROOTS)).toBeLessThan(MAIN_PACKAGE_BYTES_BUDGET)
  })

  it('puts the staff pages in their own subpackage, not the main package', () => {
    expect(bytesUnder(path.join(DIST, 'staff'))).toBeGreaterThan(0)
    expect(readdirSync(path.join(DIST, 'pages'))).not.toContain('counter')
  })
})
