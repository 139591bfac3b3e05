/**
 * `npm start`: builds what is stale, starts the local cloud (database emulator and function host)
 * with the demo store chain, and serves the H5 app with its dev server. `npm run reset` deletes the
 * local data so the next start seeds afresh; `npm run job` runs a scheduled job now (see runJob.ts).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from './developmentSecrets'
import { startDevServer } from './devServer/server'
import { sdkStorage } from './devServer/storageRoutes'
import { startTimers } from './functions/timers'
import { CLOUD_FUNCTIONS_ROOT, startLocalCloud } from './localCloud'
import { databaseFileIn, parseJobCommand, runJobCommand } from './runJob'
import { playDemoActivity } from './seed/demoActivity'
import { DEMO_STORES } from './seed/demoData'
import { DEMO_IDENTITIES } from './seed/demoIdentities'
import { seedDemo } from './seed/seedDemo'

const ROOT = path.resolve(__dirname, '..')
/** Git-ignored; holds the database file between runs. */
export const LOCAL_DATA_DIR = path.join(ROOT, '.local-data')
const H5_OUTPUT = path.join(ROOT, 'dist-h5')
const H5_SOURCES = ['miniprogram', 'shared', 'config'].map((folder) => path.join(ROOT, folder))
const DEV_SERVER_PORT_DEFAULT = 10086

/**
 * `REQUEST_DELAY_MS=10 npm start` answers every database request 10 ms late, as CloudBase across a network
 * would: the app then feels as slow as an action's sequential round trips make it.
 */
function requestDelayMsFromEnvironment(): number {
  const text = process.env.REQUEST_DELAY_MS ?? ''
  return text === '' ? 0 : Number(text)
}

function newestModificationMs(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestModificationMs(entryPath) : statSync(entryPath).mtimeMs)
  }
  return newest
}

function h5BuildIsStale(): boolean {
  const index = path.join(H5_OUTPUT, 'index.html')
  if (!existsSync(index)) return true
  return Math.max(...H5_SOURCES.map(newestModificationMs)) > statSync(index).mtimeMs
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' })
}

async function start(): Promise<void> {
  run(process.execPath, [path.join(ROOT, 'scripts', 'build-functions.mjs')])
  if (h5BuildIsStale()) {
    console.log('building the H5 app (about half a minute)…')
    run(process.execPath, [path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'])
  }
  mkdirSync(LOCAL_DATA_DIR, { recursive: true })
  const cloud = await startLocalCloud({
    storage: { kind: 'file', path: databaseFileIn(LOCAL_DATA_DIR) },
    files: { kind: 'directory', path: path.join(LOCAL_DATA_DIR, 'storage') },
    functionEnvironment: DEVELOPMENT_FUNCTION_ENVIRONMENT,
    requestDelayMs: requestDelayMsFromEnvironment(),
  })
  // The seed goes through the real SDK like any other write; this process plays the admin.
  Object.assign(process.env, cloud.sdkEnvironment)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()
  const seeded = await seedDemo(db, Date.now())
  if (seeded) {
    console.log('playing a fortnight of demo activity through the functions (about half a minute)…')
    const played = await playDemoActivity(
      cloud.functions,
      (staff) => db.collection('staff').add({ data: staff }),
      Date.now(),
    )
    console.log(`  ${played.members} members, ${played.checkIns} check-ins, ${played.purchases} purchases`)
  }
  const port = Number(process.env.PORT ?? DEV_SERVER_PORT_DEFAULT)
  const devServer = await startDevServer({
    host: cloud.functions,
    staticRoot: H5_OUTPUT,
    port,
    storage: sdkStorage(sdk),
  })
  const timers = startTimers(cloud.functions, CLOUD_FUNCTIONS_ROOT)

  console.log(`
门店会员 local cloud is running${seeded ? ' (demo store chain seeded)' : ''}

  App:           ${devServer.url}/
  Store QR link: ${devServer.url}/#/pages/join/index?scene=${DEMO_STORES[0]._id}
  Database:      ${cloud.database.info().url} (inspect: /__emulator/collections/<name>)${
    cloud.database.requestDelayMs > 0 ? `, every request delayed ${cloud.database.requestDelayMs} ms` : ''
  }
  Identities:    ${DEMO_IDENTITIES.map((identity) => identity.label).join(' · ')} (switch at the top right)
  Timers:        ${timers.count} timer trigger(s) running; \`npm run job -- expirePoints --at <instant>\` runs one now

Data is kept in .local-data/ between runs; \`npm run reset\` starts afresh. Ctrl-C stops.`)

  const stop = async () => {
    console.log('\nstopping…')
    timers.stop()
    await devServer.stop()
    await cloud.stop()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function reset(): void {
  rmSync(LOCAL_DATA_DIR, { recursive: true, force: true })
  console.log('local data deleted; the next `npm start` seeds the demo store chain afresh')
}

async function job(args: readonly string[]): Promise<void> {
  const command = parseJobCommand(args, Date.now())
  const port = Number(process.env.PORT ?? DEV_SERVER_PORT_DEFAULT)
  const answer = await runJobCommand(command, { port, databaseFile: databaseFileIn(LOCAL_DATA_DIR) })
  console.log(`${command.job} at ${new Date(command.atMs).toISOString()}${command.dryRun ? ' (dry run)' : ''}:`)
  console.log(JSON.stringify(answer, null, 2))
}

const command = process.argv[2] ?? 'start'
if (command === 'reset') reset()
else if (command === 'job') {
  job(process.argv.slice(3)).catch((error: Error) => {
    console.error(error.message)
    process.exit(2)
  })
} else if (command === 'start') {
  start().catch((error) => {
    console.error(error)
    process.exit(1)
  })
} else {
  console.error(`unknown command ${command}: use start, reset or job`)
  process.exit(2)
}
