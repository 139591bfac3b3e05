import Taro from '@tarojs/taro'
import { isTabRoute, ROUTES, type RouteName, type TabRouteName } from './routes'

/** Query parameters a page reads from `getCurrentInstance().router.params`. */
export type RouteQuery = Readonly<Record<string, string>>

/** The absolute URL of a page, with its query encoded. */
export function urlOf(name: RouteName, query: RouteQuery = {}): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  return `/${ROUTES[name]}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`
}

/**
 * Opens a page on top of the current one; tabBar pages are switched to instead, since WeChat refuses
 * `navigateTo` for them (and they take no query).
 */
export async function navigate(name: Exclude<RouteName, TabRouteName>, query?: RouteQuery): Promise<void>
export async function navigate(name: TabRouteName): Promise<void>
export async function navigate(name: RouteName, query: RouteQuery = {}): Promise<void> {
  if (isTabRoute(name)) await Taro.switchTab({ url: urlOf(name) })
  else await Taro.navigateTo({ url: urlOf(name, query) })
}

/** Closes every open page and starts again at `name`: for leaving a page the member must not come back to. */
export async function relaunch(name: RouteName, query?: RouteQuery): Promise<void> {
  await Taro.reLaunch({ url: urlOf(name, isTabRoute(name) ? {} : query) })
}

/** Replaces the current page with `name`: for moving on from a page the user need not come back to. */
export async function redirect(name: Exclude<RouteName, TabRouteName>, query: RouteQuery = {}): Promise<void> {
  await Taro.redirectTo({ url: urlOf(name, query) })
}
