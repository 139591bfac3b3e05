/**
 * Boots the compiled weapp build (dist/) in miniprogram-simulate and renders one of its pages into the
 * jsdom document. miniprogram-simulate only knows custom components, so `App()`, `Page()`, `getApp()` and
 * `getCurrentPages()` are shimmed here: a page becomes a component whose methods are the page's
 * lifecycles, and the harness calls them in WeChat's order (app onLaunch, onShow; page onLoad, onShow,
 * onReady). Each load boots a fresh copy of the app (its Taro runtime, React and stores) in an isolated
 * module registry, so pages never share state between tests.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import * as simulate from 'miniprogram-simulate'
import { cloudStandIn } from './cloudFunctions'
import { type RenderedPage, renderedPage } from './renderedPage'

/** Where `npm run build:weapp` writes the compiled mini-program. */
export const DIST_FOLDER = path.resolve(__dirname, '..', '..', '..', 'dist')

/** The launch scene the app is told about: 1001, opened from the mini-program list of WeChat's chat screen. */
const LAUNCH_SCENE = 1001

/** A page rendered from dist/, with the queries of `RenderedPage`. */
export interface CompiledPage extends RenderedPage {
  /** Unloads the page (its onUnload, which unmounts React) and removes it from the document. */
  unload(): void
}

/** Options of `loadCompiledPage`. */
export interface LoadCompiledPageOptions {
  /** The page's query string parameters, as WeChat passes them to `onLoad`. */
  readonly query?: Readonly<Record<string, string>>
}

type Lifecycle = (this: unknown, ...args: unknown[]) => unknown

interface AppInstance {
  readonly onLaunch?: Lifecycle
  readonly onShow?: Lifecycle
}

interface PageInstance {
  route?: string
  onLoad(query: Readonly<Record<string, string>>): void
  onShow(): void
  onReady(): void
  onUnload(): void
}

interface MiniProgramGlobals {
  wx: Record<string, unknown>
  Component(options: Readonly<Record<string, unknown>>): void
  App(options: AppInstance): void
  Page(options: Readonly<Record<string, unknown>>): void
  getApp(): AppInstance | undefined
  getCurrentPages(): readonly PageInstance[]
}

const globals = globalThis as unknown as MiniProgramGlobals

let bootedApp: AppInstance | undefined
let currentPages: PageInstance[] = []
let unloadCurrent: (() => void) | undefined

/** A page is a component whose methods are its lifecycles and handlers (Taro's `eh` among them). */
function pageAsComponent(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const methods = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'function'))
  return { data: options.data ?? {}, methods }
}

function installMiniProgramGlobals(): void {
  globals.App = (options) => {
    bootedApp = options
  }
  globals.Page = (options) => globals.Component(pageAsComponent(options))
  globals.getApp = () => bootedApp
  globals.getCurrentPages = () => currentPages
  globals.wx.cloud = cloudStandIn
  // Webpack's chunk list lives on `wx`; a fresh boot must not replay the previous boot's chunks.
  delete globals.wx.webpackJsonp
}

function buildError(problem: string): Error {
  return new Error(`${problem}. tests/weapp renders the real weapp build: run \`npm run build:weapp\` first.`)
}

function assertBuilt(pagePath: string): void {
  const appJson = path.join(DIST_FOLDER, 'app.json')
  if (!existsSync(appJson)) throw buildError(`No compiled mini-program in ${DIST_FOLDER}`)
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as {
    pages?: readonly string[]
    subPackages?: readonly { root: string; pages: readonly string[] }[]
  }
  const subPackagePages = (app.subPackages ?? []).flatMap(({ root, pages }) => pages.map((page) => `${root}/${page}`))
  const pages = [...(app.pages ?? []), ...subPackagePages]
  if (!pages.includes(pagePath)) {
    throw buildError(`${pagePath} is not a page of the build in dist/ (app.json lists ${pages.join(', ')})`)
  }
  const missing = ['app.js', `${pagePath}.js`, `${pagePath}.json`, `${pagePath}.wxml`].filter(
    (file) => !existsSync(path.join(DIST_FOLDER, file)),
  )
  if (missing.length > 0) throw buildError(`dist/ lacks ${missing.join(', ')}`)
}

/** Runs app.js (App()) and the page's js (Page()) in a fresh module registry; returns the page's component id. */
function bootApp(pagePath: string): string {
  let pageComponentId = ''
  jest.isolateModules(() => {
    require(path.join(DIST_FOLDER, 'app.js'))
    pageComponentId = simulate.load(path.join(DIST_FOLDER, pagePath), { rootPath: DIST_FOLDER })
  })
  return pageComponentId
}

/** Unloads the page loaded last, if it is still loaded; runs after every test. */
export function unloadCompiledPage(): void {
  unloadCurrent?.()
}

/**
 * Loads the compiled app and renders `pagePath` (as listed in app.json, e.g. `pages/index/index`) into
 * the document, after unloading any page loaded before. Prepare cloud answers with `answerCloudFunctions`
 * first: the page's onLoad may call them at once.
 */
export function loadCompiledPage(pagePath: string, options: LoadCompiledPageOptions = {}): CompiledPage {
  const route = pagePath.replace(/^\/+/, '')
  const query = options.query ?? {}
  assertBuilt(route)
  unloadCompiledPage()
  installMiniProgramGlobals()
  const pageComponentId = bootApp(route)
  const launchOptions = { path: route, query, scene: LAUNCH_SCENE }
  bootedApp?.onLaunch?.call(bootedApp, launchOptions)
  bootedApp?.onShow?.call(bootedApp, launchOptions)

  const root = simulate.render(pageComponentId)
  const container = document.createElement('div')
  document.body.appendChild(container)
  root.attach(container)
  const page = root.instance as unknown as PageInstance
  page.route = route
  currentPages = [page]
  page.onLoad(query)
  page.onShow()
  page.onReady()

  let loaded = true
  const unload = () => {
    if (!loaded) return
    loaded = false
    page.onUnload()
    root.detach()
    container.remove()
    currentPages = []
    unloadCurrent = undefined
  }
  unloadCurrent = unload
  return { ...renderedPage(container), unload }
}

afterEach(unloadCompiledPage)
