import type { AdminCouponTemplates, AdminCouponTemplateView } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface CouponTemplatesStore {
  /** `admin.listCouponTemplates`; `forbidden` for a caller who is neither a manager nor an admin. */
  readonly state: Loadable<AdminCouponTemplates, 'forbidden'>
  /** Loads every template; a reload keeps the list on screen. */
  load(): Promise<void>
  /** Loads the list unless it is here: the form and the issue screen open from it. */
  ensureLoaded(): Promise<void>
  /** Puts a template an admin write answered in the list, so returning to it shows the change at once. */
  replace(template: AdminCouponTemplateView): void
}

/** The coupon template screen's templates, retired ones too. Managers read, admins edit. */
export const useCouponTemplatesStore = create<CouponTemplatesStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'listCouponTemplates', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
  async ensureLoaded() {
    if (get().state.status !== 'ready') await get().load()
  },
  replace(template) {
    const { state } = get()
    if (state.status !== 'ready') return
    const others = state.data.templates.filter((other) => other.id !== template.id)
    const templates = [...others, template].sort((a, b) => a.id.localeCompare(b.id))
    set({ state: { status: 'ready', data: { templates } } })
  },
}))

/** A template of the loaded list by id; null when the list is not here or has no such template. */
export function selectTemplate(
  state: CouponTemplatesStore['state'],
  templateId: string,
): AdminCouponTemplateView | null {
  return state.status === 'ready' ? (state.data.templates.find((template) => template.id === templateId) ?? null) : null
}
