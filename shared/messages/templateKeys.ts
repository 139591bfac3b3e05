/**
 * The subscribe-message templates this programme sends, by a stable key. Template ids differ per
 * mini-program (each operator picks templates in the WeChat console), so they are configuration:
 * the cloud functions read them from these environment variables, the mini-program build from the
 * same names (see config/index.ts). Nothing else names a template id.
 */
export const TEMPLATE_KEYS = ['pointsExpiry', 'couponExpiry', 'pickupReminder'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

/** The environment variable holding each template's id. */
export const TEMPLATE_ID_VARIABLES: Readonly<Record<TemplateKey, string>> = {
  pointsExpiry: 'SUBSCRIBE_TEMPLATE_POINTS_EXPIRY',
  couponExpiry: 'SUBSCRIBE_TEMPLATE_COUPON_EXPIRY',
  pickupReminder: 'SUBSCRIBE_TEMPLATE_PICKUP_REMINDER',
}

/** Configured template ids by key; a key without one is not sent (nor asked for). */
export type TemplateIds = Readonly<Partial<Record<TemplateKey, string>>>

/** The template ids set in `environment` (empty values count as unset). */
export function templateIdsFrom(environment: Readonly<Record<string, string | undefined>>): TemplateIds {
  const ids: Partial<Record<TemplateKey, string>> = {}
  for (const key of TEMPLATE_KEYS) {
    const id = environment[TEMPLATE_ID_VARIABLES[key]]
    if (id) ids[key] = id
  }
  return ids
}

/** The key of a configured template id, or null for an id this programme does not use. */
export function templateKeyOf(ids: TemplateIds, templateId: string): TemplateKey | null {
  return TEMPLATE_KEYS.find((key) => ids[key] === templateId) ?? null
}
