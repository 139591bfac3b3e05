import type { StoreView } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { parseStoreForm, type StoreForm, type StoreFormErrors, storeFormOf } from '../utils/storeForm'
import type { ItemNotice } from './itemEditorStore'
import { useStoreListStore } from './storeListStore'

/** What `openedFor` says while the form is a new store's. */
export const NEW_STORE = '(new store)'

interface StoreEditorStore {
  /** The store the form was opened for (`NEW_STORE` for a new one); null before any. */
  readonly openedFor: string | null
  readonly form: StoreForm
  readonly errors: StoreFormErrors
  readonly busy: boolean
  readonly notice: ItemNotice | null
  open(store: StoreView | null): void
  edit(field: keyof StoreForm, value: string): void
  /** Checks the form (errors next to their fields) and saves it; resolves with the store saved, or null. */
  save(): Promise<StoreView | null>
}

// A save whose outcome is unknown keeps its request id, so the retry is replayed, not done twice.
let pendingRequestId: string | null = null

/** The store form and its save (`admin.saveStore`): admins any store, managers their own store's details. */
export const useStoreEditorStore = create<StoreEditorStore>((set, get) => ({
  openedFor: null,
  form: storeFormOf(null),
  errors: {},
  busy: false,
  notice: null,
  open(store) {
    pendingRequestId = null
    set({ openedFor: store?.id ?? NEW_STORE, form: storeFormOf(store), errors: {}, busy: false, notice: null })
  },
  edit(field, value) {
    pendingRequestId = null
    set({ form: { ...get().form, [field]: value }, errors: { ...get().errors, [field]: undefined } })
  },
  save: submitOnce(async () => {
    const parsed = parseStoreForm(get().form)
    if (!parsed.ok) {
      set({ errors: parsed.errors, notice: { tone: 'failed', text: '请按提示修改后再保存' } })
      return null
    }
    set({ busy: true, errors: {}, notice: null })
    pendingRequestId ??= newRequestId()
    const answer = await callAction('admin', 'saveStore', { requestId: pendingRequestId, store: parsed.store })
    if (answer.ok || !isOutcomeUnknown(answer.code)) pendingRequestId = null
    if (!answer.ok) {
      set({ busy: false, notice: { tone: 'failed', text: answer.message } })
      return null
    }
    useStoreListStore.getState().replace(answer.data.store)
    const text = answer.data.created ? '已创建' : '已保存'
    set({ busy: false, form: storeFormOf(answer.data.store), notice: { tone: 'ok', text } })
    return answer.data.store
  }),
}))
