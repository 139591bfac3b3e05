/**
 * Every page of the mini-program, in one place: `app.config.ts` builds its page list from here and
 * navigation uses these paths, so a renamed page fails the typecheck instead of a tap.
 */
export const ROUTES = {
  home: 'pages/index/index',
} as const

export type RouteName = keyof typeof ROUTES

/** Pages of the main package, in the order WeChat needs (the first is the launch page). */
export const MAIN_PACKAGE_PAGES: readonly string[] = [ROUTES.home]
