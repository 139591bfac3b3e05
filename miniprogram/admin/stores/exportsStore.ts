import { type ExportKind, type ExportView, requestExportInput } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import type { Notice } from '../components/AdminNotice'

/** What the 导出 form holds, as typed: the days as `YYYY-MM-DD` (empty: none). */
export interface ExportForm {
  readonly kind: ExportKind
  readonly from: string
  readonly to: string
  /** An admin's store; null: the whole chain (a manager always exports their own store). */
  readonly storeId: string | null
}

export type ExportFormErrors = Partial<Record<'kind' | 'from' | 'to' | 'form', string | undefined>>

/** Continue calls one page visit makes at most: each works a few seconds, so this covers a very large export. */
const CONTINUES_MAX = 60

const EMPTY_FORM: ExportForm = { kind: 'members', from: '', to: '', storeId: null }

interface ExportsStore {
  /** `admin.exports`: the caller's recent exports; `forbidden` for a caller who may not export. */
  readonly state: Loadable<readonly ExportView[], 'forbidden'>
  readonly form: ExportForm
  readonly errors: ExportFormErrors
  readonly busy: boolean
  readonly notice: Notice | null
  load(): Promise<void>
  edit<Field extends keyof ExportForm>(field: Field, value: ExportForm[Field]): void
  request(): Promise<unknown>
  reset(): void
}

// Bumped by reset(): a page that closed stops continuing its exports.
let generation = 0
// The page visit (generation) whose exports are being continued: one loop per visit, which picks up exports asked
// for meanwhile; a loop of a closed page stops by itself.
let continuingIn: number | null = null
// A request whose outcome is unknown keeps its id, so 导出 again is the same export, not a second one.
let pendingRequestId: string | null = null

function errorsOf(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]) {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors as ExportFormErrors
}

/** The list with `view` in place of the export of its id (first when new). */
function withView(list: readonly ExportView[], view: ExportView): readonly ExportView[] {
  const others = list.filter((item) => item.exportId !== view.exportId)
  return list.some((item) => item.exportId === view.exportId)
    ? list.map((item) => (item.exportId === view.exportId ? view : item))
    : [view, ...others]
}

/**
 * The 导出 screen: the form, the caller's exports, and an unfinished export continued while the page is open
 * (`admin.continueExport`, a few seconds each), so nobody waits for the jobs timer.
 */
export const useExportsStore = create<ExportsStore>((set, get) => {
  const listed = () => {
    const { state } = get()
    return state.status === 'ready' ? state.data : []
  }

  /** Continues the running exports one after the other until each is done, the page closes, or a call fails. */
  async function continueRunning(): Promise<void> {
    const visit = generation
    if (continuingIn === visit) return
    continuingIn = visit
    try {
      await continueEach()
    } finally {
      if (continuingIn === visit) continuingIn = null
    }
  }

  async function continueEach(): Promise<void> {
    const started = generation
    for (let calls = 0; calls < CONTINUES_MAX && started === generation; calls += 1) {
      const running = listed().find((view) => view.status === 'running')
      if (running === undefined) return
      const answer = await callAction('admin', 'continueExport', { exportId: running.exportId })
      if (started !== generation) return
      if (!answer.ok) {
        set({ notice: { tone: 'failed', text: `导出未完成：${answer.message}，可点刷新重试` } })
        return
      }
      set({ state: { status: 'ready', data: withView(listed(), answer.data) } })
    }
  }

  return {
    state: { status: 'idle' },
    form: EMPTY_FORM,
    errors: {},
    busy: false,
    notice: null,
    async load() {
      const requested = generation
      const answer = await loadInto({
        current: get().state,
        write: (state) => set({ state }),
        request: () => callAction('admin', 'exports', {}),
        pick: (list) => list.exports,
        refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
        stillWanted: () => requested === generation,
      })
      if (answer.ok && requested === generation) await continueRunning()
    },
    edit(field, value) {
      // A changed form is a new export: it must not replay the last attempt's answer.
      pendingRequestId = null
      set({ form: { ...get().form, [field]: value }, errors: { ...get().errors, [field]: undefined, form: undefined } })
    },
    request: submitOnce(async () => {
      const { kind, from, to, storeId } = get().form
      pendingRequestId ??= newRequestId()
      const parsed = requestExportInput.safeParse({
        requestId: pendingRequestId,
        kind,
        ...(from.trim() === '' ? {} : { from: from.trim() }),
        ...(to.trim() === '' ? {} : { to: to.trim() }),
        ...(storeId === null ? {} : { storeId }),
      })
      if (!parsed.success) {
        set({ errors: errorsOf(parsed.error.issues), notice: null })
        return
      }
      set({ busy: true, errors: {}, notice: null })
      const answer = await callAction('admin', 'requestExport', parsed.data)
      if (answer.ok || !isOutcomeUnknown(answer.code)) pendingRequestId = null
      if (!answer.ok) {
        set({ busy: false, notice: { tone: 'failed', text: answer.message } })
        return
      }
      const done = answer.data.status === 'done'
      set({
        busy: false,
        state: { status: 'ready', data: withView(listed(), answer.data) },
        notice: { tone: 'ok', text: done ? `已生成，共 ${answer.data.rows} 行` : '正在生成，完成后可下载' },
      })
      if (!done) await continueRunning()
    }),
    reset() {
      generation += 1
      pendingRequestId = null
      set({ state: { status: 'idle' }, form: EMPTY_FORM, errors: {}, busy: false, notice: null })
    },
  }
})
