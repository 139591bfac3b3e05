import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { INDEX_DECLARATIONS_PATH } from '../../emulator/database'

const REPOSITORY_ROOT = path.resolve(__dirname, '../..')

/** How long a child emulator may take to print READY. */
export const CHILD_START_TIMEOUT_MS = 15_000

/** Bundles the child emulator entry into a temporary .cjs file (packages stay external) and answers its path. */
export function bundleChildEmulator(): string {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'emulator-child-')), 'emulatorProcess.cjs')
  buildSync({
    entryPoints: [path.join(__dirname, 'fixtures/emulatorProcess.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

/** A running child emulator. */
export interface ChildEmulator {
  readonly process: ChildProcess
  readonly url: string
}

/** Starts the bundled emulator on a database file and resolves once it listens. */
export function startChildEmulator(options: { bundlePath: string; databasePath: string }): Promise<ChildEmulator> {
  const child = spawn(process.execPath, [options.bundlePath, options.databasePath, INDEX_DECLARATIONS_PATH], {
    // The bundle lives in a temporary folder: let require() find the repository's packages.
    env: { ...process.env, NODE_PATH: path.join(REPOSITORY_ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`child emulator did not start: ${output}`))
    }, CHILD_START_TIMEOUT_MS)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /READY (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ process: child, url: match[1] })
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`child emulator exited with ${code}: ${output}`))
    })
  })
}

/** Kills the child with SIGKILL (no chance to flush anything) and waits until it is gone. */
export function killChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
      return
    }
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}
