import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import type { RouteQueries, RouteWithQuery } from '@/routes'

/**
 * The query the current page was opened with, read once, under the names `RouteQueries` gives the
 * page. Every parameter may be missing (a hand-typed or damaged link), so each is `string | undefined`.
 */
export function useRouteQuery<Name extends RouteWithQuery>(_name: Name): Partial<RouteQueries[Name]> {
  return useMemo(() => (Taro.getCurrentInstance().router?.params ?? {}) as Partial<RouteQueries[Name]>, [])
}
