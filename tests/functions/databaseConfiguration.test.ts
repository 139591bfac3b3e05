import { readFileSync } from 'node:fs'
import path from 'node:path'

const databaseFolder = path.resolve(__dirname, '..', '..', 'database')
const indexes = JSON.parse(readFileSync(path.join(databaseFolder, 'indexes.json'), 'utf8')) as Record<string, unknown[]>
const rules = JSON.parse(readFileSync(path.join(databaseFolder, 'security-rules.json'), 'utf8')) as Record<
  string,
  { read: unknown; write: unknown }
>

describe('the database configuration', () => {
  it('has a security rule for every collection that has indexes, and no rule for an unknown one', () => {
    expect(Object.keys(rules).sort()).toEqual(Object.keys(indexes).sort())
  })

  it.each(Object.entries(rules))('denies clients any direct access to %s', (_collection, rule) => {
    expect(rule).toEqual({ read: false, write: false })
  })

  it('keeps within CloudBase’s 20 indexes per collection', () => {
    for (const declared of Object.values(indexes)) expect(declared.length).toBeLessThanOrEqual(20)
  })
})
