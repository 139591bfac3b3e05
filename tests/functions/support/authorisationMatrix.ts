/**
 * The callers an authorisation matrix tries every action as: someone who never joined, a member,
 * another store's clerk, a clerk, a manager and an admin (roles come from `staff/<OPENID>` only).
 */
import { ADMIN, MANAGER, OTHER_STORE_STAFF, STAFF } from '../staff/staffFixtures'

/** The member callers are seeded with this prefix in each test: the member is `<prefix>-0`. */
export function matrixCallers(memberPrefix: string) {
  return {
    stranger: 'o-never-joined',
    member: `${memberPrefix}-0`,
    otherStore: OTHER_STORE_STAFF,
    staff: STAFF,
    manager: MANAGER,
    admin: ADMIN,
  }
}

export type CallerName = keyof ReturnType<typeof matrixCallers>

/** `ok`, or the code expected, per caller. */
export type Expectations = Readonly<Record<CallerName, string>>

/** One `[name, caller, expected, case]` row per case and caller, for `it.each`. */
export function matrixRows<Case extends { readonly expectations: Expectations }>(
  cases: readonly Case[],
  nameOf: (testCase: Case) => string,
): (readonly [string, CallerName, string, Case])[] {
  const callers = Object.keys(matrixCallers('')) as CallerName[]
  return cases.flatMap((testCase) =>
    callers.map((caller) => [nameOf(testCase), caller, testCase.expectations[caller], testCase] as const),
  )
}
