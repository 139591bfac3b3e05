/**
 * `npm run job -- <job> [--at <ISO instant>] [--dry-run]`: runs a scheduled job now against the
 * local data, as the demo admin, with the clock at `--at`, and prints what it did, so a developer
 * can watch points expire. With `npm start` running it goes through its dev server (one process
 * owns the database file); otherwise it starts the local cloud on .local-data/ for the run.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { JOB_NAMES, type JobName } from '@shared/contracts'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from './developmentSecrets'
import { CLOCK_HEADER, IDENTITY_HEADER } from './devServer/server'
import { clientCaller } from './functions/identity'
import { startLocalCloud } from './localCloud'
import { demoIdentityFor } from './seed/demoIdentities'

export interface JobCommand {
  readonly job: JobName
  readonly atMs: number
  readonly dryRun: boolean
}

/** Reads `<job> [--at <instant>] [--dry-run]`; throws a message a developer can act on. */
export function parseJobCommand(args: readonly string[], nowMs: number): JobCommand {
  const [job, ...rest] = args
  if (!JOB_NAMES.includes(job as JobName)) throw new Error(`name a job: ${JOB_NAMES.join(', ')}`)
  let atMs = nowMs
  let dryRun = false
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index]
    if (flag === '--dry-run') dryRun = true
    else if (flag === '--at') {
      atMs = Date.parse(rest[index + 1] ?? '')
      if (Number.isNaN(atMs)) throw new Error('--at takes an instant such as 2028-01-01T00:00:01+08:00')
      index += 1
    } else throw new Error(`unknown option ${flag}`)
  }
  return { job: job as JobName, atMs, dryRun }
}

const ADMIN = demoIdentityFor('admin')

async function throughDevServer(port: number, command: JobCommand): Promise<unknown | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/functions/jobs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: ADMIN.key,
        [CLOCK_HEADER]: String(command.atMs),
      },
      body: JSON.stringify({ data: { action: 'run', input: { job: command.job, dryRun: command.dryRun } } }),
    })
    return ((await response.json()) as { result?: unknown }).result ?? null
  } catch {
    return null
  }
}

/** Runs the job and answers its envelope. */
export async function runJobCommand(
  command: JobCommand,
  options: { readonly port: number; readonly databaseFile: string },
): Promise<unknown> {
  const answered = await throughDevServer(options.port, command)
  if (answered !== null) return answered
  if (!existsSync(options.databaseFile)) throw new Error('no local data yet: `npm start` seeds the demo store chain')
  const cloud = await startLocalCloud({
    storage: { kind: 'file', path: options.databaseFile },
    functionEnvironment: DEVELOPMENT_FUNCTION_ENVIRONMENT,
    instancesPerFunction: 1,
  })
  try {
    return await cloud.functions.invoke(
      'jobs',
      { action: 'run', input: { job: command.job, dryRun: command.dryRun } },
      clientCaller(ADMIN.openid),
      { clockMs: command.atMs },
    )
  } finally {
    await cloud.stop()
  }
}

export const databaseFileIn = (localDataDir: string) => path.join(localDataDir, 'database.sqlite')
