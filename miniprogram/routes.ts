/**
 * Every page of the mini-program, in one place: `app.config.ts` builds its page list and tabBar from
 * here and navigation uses these names, so a renamed page fails the typecheck instead of a tap.
 * This file is read at build time too: it must not import Taro or anything that runs on a phone.
 */
export const ROUTES = {
  card: 'pages/card/index',
  join: 'pages/join/index',
  checkin: 'pages/checkin/index',
  history: 'pages/history/index',
  tiers: 'pages/tiers/index',
  profile: 'pages/profile/index',
  mall: 'pages/mall/index',
  mallItem: 'pages/mallItem/index',
  orders: 'pages/orders/index',
  couponCentre: 'pages/couponCentre/index',
  wallet: 'pages/wallet/index',
  couponDetail: 'pages/couponDetail/index',
  staffCounter: 'staff/pages/counter/index',
  staffMember: 'staff/pages/member/index',
  staffInvite: 'staff/pages/invite/index',
  adminHome: 'admin/pages/home/index',
  adminJobs: 'admin/pages/jobs/index',
  adminItems: 'admin/pages/items/index',
  adminItem: 'admin/pages/item/index',
  adminCouponTemplates: 'admin/pages/couponTemplates/index',
  adminCouponTemplate: 'admin/pages/couponTemplate/index',
  adminCouponIssue: 'admin/pages/couponIssue/index',
  adminStores: 'admin/pages/stores/index',
  adminStore: 'admin/pages/store/index',
  adminStoreQr: 'admin/pages/storeQr/index',
  adminProgramme: 'admin/pages/programme/index',
  adminStaff: 'admin/pages/staff/index',
  adminAudit: 'admin/pages/audit/index',
  adminMembers: 'admin/pages/members/index',
  adminMember: 'admin/pages/member/index',
  adminApprovals: 'admin/pages/approvals/index',
  adminDashboard: 'admin/pages/dashboard/index',
  adminMemberLists: 'admin/pages/memberLists/index',
} as const

/** A page by name. */
export type RouteName = keyof typeof ROUTES

/**
 * The query each page takes, by page name; a page not listed takes none. Values travel as strings.
 * `navigate` and friends demand the required ones, and `useRouteQuery` reads them with these names.
 */
export interface RouteQueries {
  /** The join landing: `scene` is the store id of the QR code (URL-encoded by WeChat), `referrer` a member id. */
  readonly join: { readonly scene?: string; readonly referrer?: string }
  readonly mallItem: { readonly id: string }
  readonly couponDetail: { readonly id: string }
  /** `code`: an invite code, for someone not yet bound who opened the counter from an invite. */
  readonly staffCounter: { readonly code?: string }
  /** `token`: the member code scanned at the counter. */
  readonly staffMember: { readonly token: string }
  /**
   * `code`: the invite being accepted; without it managers and admins create invites. `storeId`: the
   * store an admin's invite is for at first (the 员工 page's store); a manager's is always their own.
   */
  readonly staffInvite: { readonly code?: string; readonly storeId?: string }
  /** `id`: the item being edited; without it the form creates one. */
  readonly adminItem: { readonly id?: string }
  /** `id`: the template being edited; without it the form creates one. */
  readonly adminCouponTemplate: { readonly id?: string }
  /** `templateId`: the template chosen; `memberId`: a member to issue to (from the member detail page). */
  readonly adminCouponIssue: { readonly templateId?: string; readonly memberId?: string }
  /** `id`: the store being edited; without it the form creates one (admins). */
  readonly adminStore: { readonly id?: string }
  /** `id`: the store whose join QR code is shown. */
  readonly adminStoreQr: { readonly id: string }
  /** `id`: the member shown (from the 会员 search). */
  readonly adminMember: { readonly id: string }
}

/** A page that takes a query. */
export type RouteWithQuery = keyof RouteQueries

/** The query of a page: its own for pages that take one, none for the others. */
export type RouteQueryOf<Name extends RouteName> = Name extends RouteWithQuery
  ? RouteQueries[Name]
  : Record<never, never>

/**
 * The tabBar's pages, in tab order; WeChat opens them with `switchTab`, which takes no query.
 * `icon` names a pair of PNGs in `assets/tabbar/` (`<icon>.png`, `<icon>-selected.png`).
 */
export const TAB_BAR_ITEMS = [
  { route: 'card', text: '会员卡', icon: 'card' },
  { route: 'mall', text: '积分商城', icon: 'mall' },
  { route: 'profile', text: '我的', icon: 'profile' },
] as const satisfies readonly { route: RouteName; text: string; icon: string }[]

/** A page that lives in the tabBar. */
export type TabRouteName = (typeof TAB_BAR_ITEMS)[number]['route']

/** Whether a page lives in the tabBar (and so must be opened with `switchTab`). */
export function isTabRoute(name: RouteName): name is TabRouteName {
  return TAB_BAR_ITEMS.some((item) => item.route === name)
}

/** Pages of the main package, in the order WeChat needs (the first is the launch page). */
export const MAIN_PACKAGE_PAGES: readonly string[] = [
  ROUTES.card,
  ROUTES.join,
  ROUTES.checkin,
  ROUTES.history,
  ROUTES.tiers,
  ROUTES.profile,
  ROUTES.mall,
  ROUTES.mallItem,
  ROUTES.orders,
  ROUTES.couponCentre,
  ROUTES.wallet,
  ROUTES.couponDetail,
]

/** Where the staff subpackage's pages live: loaded only when a bound staff member opens the counter. */
export const STAFF_PACKAGE_ROOT = 'staff'

/** Where the admin console's pages live: loaded only when a manager or an admin opens 管理后台. */
export const ADMIN_PACKAGE_ROOT = 'admin'

/** A subpackage as `app.config.ts` takes it: its root folder and its pages relative to it. */
export interface SubPackage {
  readonly root: string
  readonly pages: readonly string[]
}

/** A subpackage of the given routes, each of which must live under `root`. */
function subPackageOf(root: string, routes: readonly string[]): SubPackage {
  return {
    root,
    pages: routes.map((route) => {
      if (!route.startsWith(`${root}/`)) throw new Error(`${route} is not under ${root}/`)
      return route.slice(root.length + 1)
    }),
  }
}

/** The subpackages, which keep staff and admin pages out of the main package every member downloads. */
export const SUB_PACKAGES: readonly SubPackage[] = [
  subPackageOf(STAFF_PACKAGE_ROOT, [ROUTES.staffCounter, ROUTES.staffMember, ROUTES.staffInvite]),
  subPackageOf(ADMIN_PACKAGE_ROOT, [
    ROUTES.adminHome,
    ROUTES.adminJobs,
    ROUTES.adminItems,
    ROUTES.adminItem,
    ROUTES.adminCouponTemplates,
    ROUTES.adminCouponTemplate,
    ROUTES.adminCouponIssue,
    ROUTES.adminStores,
    ROUTES.adminStore,
    ROUTES.adminStoreQr,
    ROUTES.adminProgramme,
    ROUTES.adminStaff,
    ROUTES.adminAudit,
    ROUTES.adminMembers,
    ROUTES.adminMember,
    ROUTES.adminApprovals,
    ROUTES.adminDashboard,
    ROUTES.adminMemberLists,
  ]),
]
