import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const DIST = path.resolve(__dirname, '..', '..', 'dist')

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

describe('the weapp build', () => {
  const sources = filesUnder(DIST)
    .filter((file) => /\.(js|wxml)$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))

  it('has compiled pages to inspect', () => {
    expect(sources.join('\n')).toContain('pages/card/index')
  })

  it.each(['identity-switcher', 'x-local-identity', '/api/functions/'])(
    'contains none of the local-mode code (%s): identities come only from WeChat there',
    (marker) => {
      expect(sources.some((source) => source.includes(marker))).toBe(false)
    },
  )

  it('reads nothing from process.env at run time: WeChat has no process object', () => {
    expect(sources.filter((source) => source.includes('process.env'))).toEqual([])
  })
})
