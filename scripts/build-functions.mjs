// Bundles each cloud function's src/index.ts, with everything it imports from shared/ and
// cloudfunctions/common/, into that function's own index.js. CloudBase uploads one folder per
// function, so a bundle must not reach outside its folder; wx-server-sdk is the only runtime
// dependency and stays external (CloudBase installs it from the folder's package.json).
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const functionsRoot = path.join(root, 'cloudfunctions')

/** Folders under cloudfunctions/ that are deployable functions (common/ is a library, not one). */
export function functionNames() {
  return readdirSync(functionsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionsRoot, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

/** Bundles one function into cloudfunctions/<name>/index.js. */
export async function buildFunction(name) {
  const outfile = path.join(functionsRoot, name, 'index.js')
  await build({
    entryPoints: [path.join(functionsRoot, name, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // CloudBase's Node.js 16 runtime is the oldest one a new function can choose.
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    tsconfig: path.join(root, 'tsconfig.json'),
    legalComments: 'none',
    // Identifiers stay unminified so that stack traces in CloudBase logs stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  })
  return outfile
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : functionNames()
  for (const name of names) {
    const outfile = await buildFunction(name)
    console.log(`built ${path.relative(root, outfile)}`)
  }
}
