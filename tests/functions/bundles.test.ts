import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
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
      // CloudBase installs the folder's package.json dependencies in the cloud; stand in for that
      // with the one runtime dependency a bundle may have.
      mkdirSync(path.join(folder, 'node_modules'))
      symlinkSync(path.join(root, 'node_modules', 'wx-server-sdk'), path.join(folder, 'node_modules', 'wx-server-sdk'))
    }
  })

  function uploadedMain(name: string) {
    return (require(path.join(uploadRoot, name, 'index.js')) as { main: (event: unknown) => Promise<unknown> }).main
  }

  afterAll(() => rmSync(uploadRoot, { recursive: true, force: true }))

  it('finds the functions to build', () => {
    expect(functionNames).toEqual(expect.arrayContaining(['checkin', 'member', 'programme']))
  })

  it.each(functionNames)('%s depends on nothing but wx-server-sdk at run time', (name) => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'package.json'), 'utf8'))
    expect(Object.keys(manifest.dependencies)).toEqual(['wx-server-sdk'])
  })

  it.each(functionNames)('%s runs from its own folder alone, as CloudBase uploads it', async (name) => {
    await expect(uploadedMain(name)({ action: 'no-such-action' })).resolves.toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })
})
