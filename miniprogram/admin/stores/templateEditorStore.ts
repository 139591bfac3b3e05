import type { AdminCouponTemplateView, ApiEnvelope } from '@shared/contracts'
import { create, type StoreApi } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import {
  parseTemplateForm,
  type TemplateForm,
  type TemplateFormErrors,
  templateErrorsOfMessage,
  templateFormOf,
} from '../utils/templateForm'
import { useCouponTemplatesStore } from './couponTemplatesStore'
import type { ItemNotice } from './itemEditorStore'

/** The writes the form makes, one request id each while its outcome is unknown. */
type TemplateWrite = 'save' | 'status'

/** What `openedFor` says while the form is a new template's. */
export const NEW_TEMPLATE = '(new template)'

interface TemplateEditorStore {
  /** The template the form was opened for (`NEW_TEMPLATE` for a new one); null before any. */
  readonly openedFor: string | null
  readonly form: TemplateForm
  readonly errors: TemplateFormErrors
  readonly busy: TemplateWrite | null
  readonly notice: ItemNotice | null
  open(template: AdminCouponTemplateView | null): void
  edit<Field extends keyof TemplateForm>(field: Field, value: TemplateForm[Field]): void
  /** Checks the form (errors next to their fields) and saves it; resolves with the template saved, or null. */
  save(): Promise<AdminCouponTemplateView | null>
  /** Retires the template (no more claims or issues) or restores it. */
  setRetired(templateId: string, retired: boolean): Promise<unknown>
}

// A write whose outcome is unknown keeps its request id, so the retry is replayed, not done twice.
const pendingRequestIds: Partial<Record<TemplateWrite, string>> = {}
const requestIdFor = (write: TemplateWrite) => {
  pendingRequestIds[write] ??= newRequestId()
  return pendingRequestIds[write]
}

type SetState = StoreApi<TemplateEditorStore>['setState']
type GetState = StoreApi<TemplateEditorStore>['getState']

const FIX_THE_FIELDS = '请按提示修改后再保存'

/** Ends a write: the template it answered goes into the form and the list, a refusal into the notice. */
function finishWrite(
  set: SetState,
  write: TemplateWrite,
  answer: ApiEnvelope<{ template: AdminCouponTemplateView }>,
  done: string,
): AdminCouponTemplateView | null {
  if (answer.ok || !isOutcomeUnknown(answer.code)) delete pendingRequestIds[write]
  if (!answer.ok) {
    set({ busy: null, notice: { tone: 'failed', text: answer.message } })
    return null
  }
  useCouponTemplatesStore.getState().replace(answer.data.template)
  set({ busy: null, form: templateFormOf(answer.data.template), notice: { tone: 'ok', text: done } })
  return answer.data.template
}

async function saveForm(set: SetState, get: GetState): Promise<AdminCouponTemplateView | null> {
  const parsed = parseTemplateForm(get().form)
  if (!parsed.ok) {
    set({ errors: parsed.errors, notice: { tone: 'failed', text: FIX_THE_FIELDS } })
    return null
  }
  set({ busy: 'save', errors: {}, notice: null })
  const input = { requestId: requestIdFor('save'), template: parsed.template }
  const answer = await callAction('admin', 'saveCouponTemplate', input)
  const saved = finishWrite(set, 'save', answer, answer.ok && answer.data.created ? '已创建' : '已保存')
  if (!answer.ok && answer.code === 'TOTAL_BELOW_ISSUED') set({ errors: { totalQuantity: answer.message } })
  const errors = !answer.ok && answer.code === 'INVALID_INPUT' ? templateErrorsOfMessage(answer.message) : {}
  if (Object.keys(errors).length > 0) set({ errors, notice: { tone: 'failed', text: FIX_THE_FIELDS } })
  return saved
}

/** The template form and its writes (`admin.saveCouponTemplate`, `retireCouponTemplate` / `restoreCouponTemplate`). Admins. */
export const useTemplateEditorStore = create<TemplateEditorStore>((set, get) => {
  const saveOnce = submitOnce(() => saveForm(set, get))
  return {
    openedFor: null,
    form: templateFormOf(null),
    errors: {},
    busy: null,
    notice: null,
    open(template) {
      for (const write of Object.keys(pendingRequestIds) as TemplateWrite[]) delete pendingRequestIds[write]
      set({
        openedFor: template?.id ?? NEW_TEMPLATE,
        form: templateFormOf(template),
        errors: {},
        busy: null,
        notice: null,
      })
    },
    edit(field, value) {
      // A changed form is a new intent: it must not replay the last attempt's answer.
      delete pendingRequestIds.save
      set({ form: { ...get().form, [field]: value }, errors: { ...get().errors, [field]: undefined } })
    },
    save: async () => (await saveOnce()) ?? null,
    setRetired: submitOnce(async (templateId: string, retired: boolean) => {
      set({ busy: 'status', notice: null })
      const input = { requestId: requestIdFor('status'), templateId }
      const answer = await callAction('admin', retired ? 'retireCouponTemplate' : 'restoreCouponTemplate', input)
      finishWrite(set, 'status', answer, retired ? '已停止发放' : '已恢复发放')
    }),
  }
})
