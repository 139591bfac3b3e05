import type { RfmThresholds } from '@shared/stats/rfm'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import type { Notice } from '../components/AdminNotice'
import {
  parseRfmThresholdsForm,
  type RfmThresholdsForm,
  type RfmThresholdsFormErrors,
  rfmThresholdsFormOf,
} from '../utils/rfmThresholdsForm'

interface RfmThresholdsStore {
  /** The thresholds the form was opened with; null before the dashboard answered. */
  readonly openedWith: RfmThresholds | null
  readonly form: RfmThresholdsForm
  readonly errors: RfmThresholdsFormErrors
  readonly busy: boolean
  readonly notice: Notice | null
  /** Fills the form with the thresholds set now, unless it already holds them (keeps what is being typed). */
  open(thresholds: RfmThresholds): void
  edit(field: keyof RfmThresholdsForm, value: string): void
  /** Checks and saves the form; resolves whether it saved (null: another tap's save is on its way). */
  save(): Promise<boolean | null>
}

// A save whose outcome is unknown keeps its request id, so the retry is replayed, not done twice.
let pendingRequestId: string | null = null

/** The dashboard's RFM thresholds form and its save (`admin.saveRfmThresholds`, admins). */
export const useRfmThresholdsStore = create<RfmThresholdsStore>((set, get) => ({
  openedWith: null,
  form: { recencyDays: '', frequency: '', monetaryYuan: '' },
  errors: {},
  busy: false,
  notice: null,
  open(thresholds) {
    const opened = get().openedWith
    if (opened !== null && JSON.stringify(opened) === JSON.stringify(thresholds)) return
    pendingRequestId = null
    set({ openedWith: thresholds, form: rfmThresholdsFormOf(thresholds), errors: {}, busy: false, notice: null })
  },
  edit(field, value) {
    pendingRequestId = null
    set({ form: { ...get().form, [field]: value }, errors: { ...get().errors, [field]: undefined } })
  },
  save: submitOnce(async () => {
    const parsed = parseRfmThresholdsForm(get().form)
    if (!parsed.ok) {
      set({ errors: parsed.errors, notice: { tone: 'failed', text: '请按提示修改后再保存' } })
      return false
    }
    set({ busy: true, errors: {}, notice: null })
    pendingRequestId ??= newRequestId()
    const answer = await callAction('admin', 'saveRfmThresholds', {
      requestId: pendingRequestId,
      thresholds: parsed.thresholds,
    })
    if (answer.ok || !isOutcomeUnknown(answer.code)) pendingRequestId = null
    if (!answer.ok) {
      set({ busy: false, notice: { tone: 'failed', text: answer.message } })
      return false
    }
    set({
      busy: false,
      openedWith: answer.data.thresholds,
      form: rfmThresholdsFormOf(answer.data.thresholds),
      notice: { tone: 'ok', text: '已保存，自下一次会员快照起按新门槛分群' },
    })
    return true
  }),
}))
