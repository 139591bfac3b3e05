/**
 * The system as `npm start` runs it (database emulator in memory, function host, seeded demo
 * store chain, dev server serving the H5 build) plus headless Chromium, for browser tests.
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../../emulator/developmentSecrets'
import { type RunningDevServer, startDevServer } from '../../../emulator/devServer/server'
import { sdkStorage } from '../../../emulator/devServer/storageRoutes'
import { type LocalCloud, startLocalCloud } from '../../../emulator/localCloud'
import { playDemoActivity } from '../../../emulator/seed/demoActivity'
import { seedDemo } from '../../../emulator/seed/seedDemo'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const H5_OUTPUT = path.join(ROOT, 'dist-h5')
/** Screenshots and other files a person may want to look at after a run. */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the networking flags Chromium keeps trying to reach Google's hosts, which this
// machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface LocalStack {
  readonly url: string
  readonly cloud: LocalCloud
  /** The real SDK's database, pointed at the stack, for checking what the app wrote. */
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands.
  readonly db: any
  readonly browser: Browser
  /** A fresh browser profile on a phone-sized screen, playing a demo identity. */
  newPhone(identityKey?: string): Promise<BrowserContext>
  /** Joins from store 1's QR link as the page's identity and waits for the card with the 50-point gift. */
  joinFromStoreQr(page: Page): Promise<void>
  stop(): Promise<void>
}

export interface LocalStackOptions {
  /** Play the demo's fortnight of activity after seeding, as a fresh `npm start` does. @default false */
  readonly demoActivity?: boolean
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (!existsSync(path.join(H5_OUTPUT, 'index.html'))) {
    throw new Error('dist-h5/ is missing: run `npm run build:h5` (npm test builds it before the tests)')
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`)
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const cloud = await startLocalCloud({ functionEnvironment: DEVELOPMENT_FUNCTION_ENVIRONMENT })
  Object.assign(process.env, cloud.sdkEnvironment)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()
  await seedDemo(db, Date.now())
  if (options.demoActivity) {
    await playDemoActivity(cloud.functions, (staff) => db.collection('staff').add({ data: staff }), Date.now())
  }
  const devServer: RunningDevServer = await startDevServer({
    host: cloud.functions,
    staticRoot: H5_OUTPUT,
    storage: sdkStorage(sdk),
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  return {
    url: devServer.url,
    cloud,
    db,
    browser,
    async newPhone(identityKey) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
      if (identityKey) {
        await context.addInitScript((key) => localStorage.setItem('store-loyalty.local-identity', key), identityKey)
      }
      return context
    },
    async joinFromStoreQr(page) {
      await page.goto(`${devServer.url}/#/pages/join/index?scene=store-1`)
      await page.locator('#join-button').click()
      await page.locator('#card-balance').getByText('50').waitFor()
    },
    async stop() {
      await browser.close()
      await devServer.stop()
      await cloud.stop()
    },
  }
}
