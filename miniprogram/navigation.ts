import Taro from '@tarojs/taro'
import { isTabRoute, ROUTES, type RouteName, type RouteQueryOf, type TabRouteName } from './routes'

/**
 * What follows the page name in a navigation call: its query when it takes one (optional when every
 * parameter is), nothing when it takes none. So `navigate('mallItem')` without an id fails the typecheck.
 */
export type QueryArguments<Name extends RouteName> = keyof RouteQueryOf<Name> extends never
  ? []
  : Record<never, never> extends RouteQueryOf<Name>
    ? [query?: RouteQueryOf<Name>]
    : [query: RouteQueryOf<Name>]

function queryText(query: object): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

function pathOf(name: RouteName, query: object | undefined): string {
  return `/${ROUTES[name]}${query === undefined ? '' : queryText(query)}`
}

/** The absolute URL of a page, with its query encoded. */
export function urlOf<Name extends RouteName>(name: Name, ...[query]: QueryArguments<Name>): string {
  return pathOf(name, query)
}

/**
 * Opens a page on top of the current one; tabBar pages are switched to instead, since WeChat refuses
 * `navigateTo` for them (and they take no query).
 */
export async function navigate<Name extends RouteName>(name: Name, ...query: QueryArguments<Name>): Promise<void> {
  if (isTabRoute(name)) await Taro.switchTab({ url: pathOf(name, undefined) })
  else await Taro.navigateTo({ url: urlOf(name, ...query) })
}

/** Closes every open page and starts again at `name`: for leaving a page the member must not come back to. */
export async function relaunch<Name extends RouteName>(name: Name, ...query: QueryArguments<Name>): Promise<void> {
  // A tabBar page takes no query: the type refuses one, and one that slips through is dropped.
  await Taro.reLaunch({ url: isTabRoute(name) ? pathOf(name, undefined) : urlOf(name, ...query) })
}

/** Replaces the current page with `name`: for moving on from a page the user need not come back to. */
export async function redirect<Name extends Exclude<RouteName, TabRouteName>>(
  name: Name,
  ...query: QueryArguments<Name>
): Promise<void> {
  await Taro.redirectTo({ url: urlOf(name, ...query) })
}
