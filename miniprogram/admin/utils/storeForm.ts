import { type StoreEdit, type StoreView, saveStoreInput } from '@shared/contracts'

/** The store form as typed: every field a string, checked only on 保存. */
export type StoreForm = StoreEdit
export type StoreFormField = keyof StoreForm
/** The problem with each field that has one, in Chinese, shown next to it. */
export type StoreFormErrors = Partial<Record<StoreFormField, string>>

const EMPTY_FORM: StoreForm = { id: '', name: '', address: '', phone: '', hours: '' }
/** A request id of the right shape, for checking a form before it has its real one. */
const CHECKING_REQUEST_ID = 'form-check'

/** The form for a store, or an empty one for a new store. */
export function storeFormOf(store: StoreView | null): StoreForm {
  return store === null ? EMPTY_FORM : { ...store }
}

/** The fields a problem list names (`store.name: …`), each with its first problem. */
function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): StoreFormErrors {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] === 'store' ? issue.path[1] : issue.path[0])
    if (field in EMPTY_FORM && errors[field] === undefined) errors[field] = issue.message
  }
  return errors
}

/** The form as `admin.saveStore` takes it, checked by the function's own schema, or each field's problem in Chinese. */
export function parseStoreForm(
  form: StoreForm,
): { ok: true; store: StoreEdit } | { ok: false; errors: StoreFormErrors } {
  const parsed = saveStoreInput.safeParse({ requestId: CHECKING_REQUEST_ID, store: form })
  return parsed.success ? { ok: true, store: parsed.data.store } : { ok: false, errors: errorsOf(parsed.error.issues) }
}
