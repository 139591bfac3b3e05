import { existsSync } from 'node:fs'
import path from 'node:path'
import Taro from '@tarojs/taro'
import { navigate, redirect, relaunch, urlOf } from '@/navigation'
import { isTabRoute, MAIN_PACKAGE_PAGES, ROUTES, SUB_PACKAGES, TAB_BAR_ITEMS } from '@/routes'
import appConfig from '../../miniprogram/app.config'

jest.mock('../../miniprogram/app.config', () => {
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config
  return jest.requireActual('../../miniprogram/app.config')
})

const MINIPROGRAM = path.resolve(__dirname, '..', '..', 'miniprogram')

describe('the route map', () => {
  it('launches on the card, and lists every page once, in the main package or a subpackage', () => {
    expect(MAIN_PACKAGE_PAGES[0]).toBe(ROUTES.card)
    const subPackagePages = SUB_PACKAGES.flatMap((subPackage) =>
      subPackage.pages.map((page) => `${subPackage.root}/${page}`),
    )
    const everyPage = [...MAIN_PACKAGE_PAGES, ...subPackagePages]
    expect(new Set(everyPage)).toEqual(new Set(Object.values(ROUTES)))
    expect(everyPage).toHaveLength(Object.keys(ROUTES).length)
  })

  it('keeps the staff and admin pages in their subpackages, out of the main package', () => {
    expect(SUB_PACKAGES).toEqual([
      { root: 'staff', pages: ['pages/counter/index', 'pages/member/index', 'pages/invite/index'] },
      {
        root: 'admin',
        pages: [
          'pages/home/index',
          'pages/jobs/index',
          'pages/items/index',
          'pages/item/index',
          'pages/couponTemplates/index',
          'pages/couponTemplate/index',
          'pages/couponIssue/index',
          'pages/stores/index',
          'pages/store/index',
          'pages/storeQr/index',
          'pages/programme/index',
          'pages/staff/index',
          'pages/audit/index',
          'pages/members/index',
          'pages/member/index',
          'pages/approvals/index',
          'pages/dashboard/index',
          'pages/memberLists/index',
        ],
      },
    ])
    expect(MAIN_PACKAGE_PAGES.filter((page) => page.startsWith('staff/') || page.startsWith('admin/'))).toEqual([])
    for (const subPackage of SUB_PACKAGES) {
      for (const page of subPackage.pages) {
        expect(existsSync(path.join(MINIPROGRAM, subPackage.root, `${page}.tsx`))).toBe(true)
      }
    }
  })

  it('feeds app.config: its pages and a tabBar of 会员卡, 积分商城 and 我的', () => {
    const config = appConfig as unknown as {
      pages: string[]
      subPackages: { root: string; pages: string[] }[]
      tabBar: { list: { pagePath: string; text: string; iconPath: string; selectedIconPath: string }[] }
    }
    expect(config.pages).toEqual([...MAIN_PACKAGE_PAGES])
    expect(config.subPackages).toEqual(SUB_PACKAGES.map(({ root, pages }) => ({ root, pages: [...pages] })))
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
    // @ts-expect-error a tabBar page takes no query: the type refuses one, and one that slips through is dropped
    await relaunch('card', { scene: 'store-1' })
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/card/index' })
    expect(urlOf('history')).toBe('/pages/history/index')
  })

  it('opens subpackage pages by their full path, and redirects in place', async () => {
    await navigate('staffMember', { token: 'M1.a' })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/member/index?token=M1.a' })
    await redirect('staffCounter', { code: 'abc' })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/counter/index?code=abc' })
  })
})
