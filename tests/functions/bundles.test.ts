import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')
const functionNames = readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'common')
  .map((entry) => entry.name)

describe('cloud function bundles', () => {
  let uploadRoot: string

  beforeAll(() => {
    // Copy only what CloudBase would upload, far from the repository, so that any import reaching
    // outside a function's folder (shared/, common/) would fail to resolve.
    uploadRoot = mkdtempSync(path.join(tmpdir(), 'cloudfunctions-'))
    for (const name of functionNames) {
      const folder = path.join(uploadRoot, name)
      mkdirSync(folder)
      for (const file of ['index.js', 'package.json']) {
        copyFileSync(path.join(root, 'cloudfunctions', name, file), path.join(folder, file))
      }
    }
  })

  function uploadedMain(name: string) {
    return (require(path.join(uploadRoot, name, 'index.js')) as { main: (event: unknown) => Promise<unknown> }).main
  }

  afterAll(() => rmSync(uploadRoot, { recursive: true, force: true }))

  it('finds the functions to build', () => {
    expect(functionNames).toContain('programme')
  })

  it.each(functionNames)('%s runs from its own folder alone, as CloudBase uploads it', async (name) => {
    await expect(uploadedMain(name)({ action: 'no-such-action' })).resolves.toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })

  it('programme.get answers the public programme from the bundle', async () => {
    await expect(uploadedMain('programme')({ action: 'get' })).resolves.toMatchObject({
      ok: true,
      data: {
        brandName: '小满咖啡',
        tiers: expect.arrayContaining([expect.objectContaining({ id: 'black', growthThreshold: 6000 })]),
      },
    })
  })
})
