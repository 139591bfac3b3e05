/**
 * The people one developer can play in local mode, switched from the H5 app. Their OPENIDs are
 * fixed so that seeded staff bindings and test data can refer to them.
 */
export interface DemoIdentity {
  readonly key: string
  readonly label: string
  readonly openid: string
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { key: 'customerA', label: '顾客 A', openid: 'o-demo-customer-a' },
  { key: 'customerB', label: '顾客 B', openid: 'o-demo-customer-b' },
  { key: 'staff', label: '店员（1 号店）', openid: 'o-demo-staff-store-1' },
  { key: 'manager', label: '店长（1 号店）', openid: 'o-demo-manager-store-1' },
  { key: 'admin', label: '管理员', openid: 'o-demo-admin' },
]

/** The identity a request names, or the first customer when it names none or an unknown one. */
export function demoIdentityFor(key: string | undefined): DemoIdentity {
  return DEMO_IDENTITIES.find((identity) => identity.key === key) ?? (DEMO_IDENTITIES[0] as DemoIdentity)
}
