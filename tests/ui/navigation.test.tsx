import { existsSync } from 'node:fs'
import path from 'node:path'
import Taro from '@tarojs/taro'
import { navigate, relaunch, urlOf } from '@/navigation'
import { isTabRoute, MAIN_PACKAGE_PAGES, ROUTES, TAB_BAR_ITEMS } from '@/routes'
import appConfig from '../../miniprogram/app.config'

jest.mock('../../miniprogram/app.config', () => {
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config
  return jest.requireActual('../../miniprogram/app.config')
})

const MINIPROGRAM = path.resolve(__dirname, '..', '..', 'miniprogram')

describe('the route map', () => {
  it('launches on the card, and lists every page once', () => {
    expect(MAIN_PACKAGE_PAGES[0]).toBe(ROUTES.card)
    expect(new Set(MAIN_PACKAGE_PAGES)).toEqual(new Set(Object.values(ROUTES)))
    expect(MAIN_PACKAGE_PAGES).toHaveLength(Object.keys(ROUTES).length)
  })

  it('feeds app.config: its pages and a tabBar of 会员卡, 积分商城 and 我的', () => {
    const config = appConfig as unknown as {
      pages: string[]
      tabBar: { list: { pagePath: string; text: string; iconPath: string; selectedIconPath: string }[] }
    }
    expect(config.pages).toEqual([...MAIN_PACKAGE_PAGES])
    expect(config.tabBar.list.map(({ pagePath, text }) => ({ pagePath, text }))).toEqual([
      { pagePath: 'pages/card/index', text: '会员卡' },
      { pagePath: 'pages/mall/index', text: '积分商城' },
      { pagePath: 'pages/profile/index', text: '我的' },
    ])
    for (const item of config.tabBar.list) {
      expect(existsSync(path.join(MINIPROGRAM, item.iconPath))).toBe(true)
      expect(existsSync(path.join(MINIPROGRAM, item.selectedIconPath))).toBe(true)
    }
    expect(TAB_BAR_ITEMS.map((item) => isTabRoute(item.route))).toEqual([true, true, true])
    expect(isTabRoute('checkin')).toBe(false)
  })
})

describe('navigate', () => {
  beforeEach(() => jest.clearAllMocks())

  it('switches to tabBar pages, which WeChat refuses to navigateTo', async () => {
    await navigate('card')
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('opens other pages on top, with their query encoded', async () => {
    await navigate('join', { scene: 'store 1', referrer: 'm&1' })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index?scene=store%201&referrer=m%261' })
  })

  it('relaunches at a page, dropping the query for tabBar pages', async () => {
    await relaunch('join', { scene: 'store-1' })
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/join/index?scene=store-1' })
    await relaunch('card', { scene: 'store-1' })
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/card/index' })
    expect(urlOf('history')).toBe('/pages/history/index')
  })
})
