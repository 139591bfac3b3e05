import type { ApiEnvelope, ProgrammeDraftView, ProgrammeDryRun, ProgrammeVersionsPage } from '@shared/contracts'
import { create, type StoreApi } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { type DryRunSample, dryRunInputOf, EMPTY_SAMPLE, type SampleErrors } from '../utils/programmeDryRunForm'
import {
  checkProgrammeForm,
  type FieldPath,
  fieldErrorsOfProgrammeMessage,
  type ProgrammeForm,
  type ProgrammeFormErrors,
  pathKey,
  withValueAt,
} from '../utils/programmeForm'

/** The editor's writes, one request id each while its outcome is unknown. */
export type ProgrammeWrite = 'save' | 'publish' | 'restore'

export interface ProgrammeNotice {
  readonly tone: 'ok' | 'failed'
  readonly text: string
}

/** What the page says once a version is live: functions cache the programme for a minute. */
export const PUBLISHED_NOTICE = '已发布，各门店将在 1 分钟内生效'
const FIX_THE_FIELDS = '请按提示修改后再保存'

interface ProgrammeEditorStore {
  /** `admin.programmeDraft`; `forbidden` for someone neither manager nor admin. */
  readonly state: Loadable<ProgrammeDraftView, 'forbidden'>
  readonly form: ProgrammeForm
  readonly errors: ProgrammeFormErrors
  /** The live version the form started from: what a save stores as the draft's base. */
  readonly basedOnVersion: number
  readonly busy: ProgrammeWrite | 'dryRun' | null
  readonly notice: ProgrammeNotice | null
  readonly note: string
  readonly sample: DryRunSample
  readonly sampleErrors: SampleErrors
  readonly dryRun: ProgrammeDryRun | null
  readonly versions: Loadable<ProgrammeVersionsPage, 'forbidden'>
  load(): Promise<void>
  /**
   * After PROGRAMME_VERSION_STALE: keeps the form and bases it on the version now live, once the
   * admin has looked at what changed (历史版本); the next save and publish then go through.
   */
  rebase(): Promise<void>
  edit(path: FieldPath, value: unknown): void
  setNote(note: string): void
  setSample<Field extends keyof DryRunSample>(field: Field, value: DryRunSample[Field]): void
  save(): Promise<boolean | null>
  publish(): Promise<unknown>
  restore(version: number): Promise<unknown>
  runDryRun(): Promise<unknown>
  loadVersions(): Promise<void>
  reset(): void
}

const pendingRequestIds: Partial<Record<ProgrammeWrite, string>> = {}

function requestIdFor(write: ProgrammeWrite): string {
  pendingRequestIds[write] ??= newRequestId()
  return pendingRequestIds[write]
}

function settle(write: ProgrammeWrite, answer: ApiEnvelope<unknown>): void {
  if (answer.ok || !isOutcomeUnknown(answer.code)) delete pendingRequestIds[write]
}

type SetState = StoreApi<ProgrammeEditorStore>['setState']
type GetState = StoreApi<ProgrammeEditorStore>['getState']

/** Puts a loaded draft (or the live programme) into the form. */
function opened(view: ProgrammeDraftView) {
  return {
    form: view.programme as ProgrammeForm,
    basedOnVersion: view.draft?.basedOnVersion ?? view.liveVersion,
    errors: {},
  }
}

async function saveDraft(set: SetState, get: GetState): Promise<boolean> {
  const checked = checkProgrammeForm(get().form)
  if (!checked.ok) {
    set({ errors: checked.errors, notice: { tone: 'failed', text: FIX_THE_FIELDS } })
    return false
  }
  set({ busy: 'save', errors: {}, notice: null })
  const input = { requestId: requestIdFor('save'), basedOnVersion: get().basedOnVersion, programme: get().form }
  const answer = await callAction('admin', 'saveProgrammeDraft', input)
  settle('save', answer)
  if (!answer.ok) {
    const errors = answer.code === 'INVALID_PROGRAMME' ? fieldErrorsOfProgrammeMessage(answer.message) : {}
    const text = Object.keys(errors).length > 0 ? FIX_THE_FIELDS : answer.message
    set({ busy: null, errors, notice: { tone: 'failed', text } })
    return false
  }
  set({ busy: null, notice: { tone: 'ok', text: '草稿已保存' } })
  return true
}

/** A publish or restore answer: the new version live, the history and the form reloaded. */
async function finishPublish(
  set: SetState,
  get: GetState,
  write: ProgrammeWrite,
  answer: ApiEnvelope<{ version: number }>,
): Promise<void> {
  settle(write, answer)
  if (!answer.ok) {
    set({ busy: null, notice: { tone: 'failed', text: answer.message } })
    return
  }
  set({ busy: null, note: '' })
  await Promise.all([get().load(), get().loadVersions()])
  set({ notice: { tone: 'ok', text: `第 ${answer.data.version} 版${PUBLISHED_NOTICE}` } })
}

async function publishDraft(set: SetState, get: GetState): Promise<void> {
  if (get().note.trim() === '') {
    set({ notice: { tone: 'failed', text: '请填写发布说明' } })
    return
  }
  // What is published is the stored draft: save the form first so it is this form.
  if (!(await saveDraft(set, get))) return
  set({ busy: 'publish', notice: null })
  const answer = await callAction('admin', 'publishProgramme', { requestId: requestIdFor('publish'), note: get().note })
  await finishPublish(set, get, 'publish', answer)
}

async function restoreVersion(set: SetState, get: GetState, version: number): Promise<void> {
  const { state } = get()
  if (state.status !== 'ready') return
  set({ busy: 'restore', notice: null })
  const note = get().note.trim() || `恢复第 ${version} 版`
  const input = { requestId: requestIdFor('restore'), version, liveVersion: state.data.liveVersion, note }
  const answer = await callAction('admin', 'restoreProgrammeVersion', input)
  await finishPublish(set, get, 'restore', answer)
}

/** Runs the 试算 for the saved draft, following the member count's cursor until every member is counted. */
async function dryRunDraft(set: SetState, get: GetState): Promise<void> {
  const input = dryRunInputOf(get().sample)
  if (!input.ok) {
    set({ sampleErrors: input.errors })
    return
  }
  set({ busy: 'dryRun', sampleErrors: {}, notice: null })
  let cursor: string | undefined
  let total: ProgrammeDryRun | null = null
  for (;;) {
    const answer = await callAction('admin', 'programmeDryRun', { ...input.data, cursor })
    if (!answer.ok) {
      set({ busy: null, notice: { tone: 'failed', text: answer.message } })
      return
    }
    total = total === null ? answer.data : addedDryRun(total, answer.data)
    set({ dryRun: total })
    if (answer.data.nextCursor === null) break
    cursor = answer.data.nextCursor
  }
  set({ busy: null })
}

function addedDryRun(total: ProgrammeDryRun, page: ProgrammeDryRun): ProgrammeDryRun {
  const a = total.tierChanges
  const b = page.tierChanges
  return {
    ...page,
    membersCounted: total.membersCounted + page.membersCounted,
    tierChanges: {
      upgrades: a.upgrades + b.upgrades,
      downgradesAtPeriodEnd: a.downgradesAtPeriodEnd + b.downgradesAtPeriodEnd,
      downgradesAtPeriodEndLive: a.downgradesAtPeriodEndLive + b.downgradesAtPeriodEndLive,
      onRemovedTier: a.onRemovedTier + b.onRemovedTier,
    },
  }
}

/** 会员规则: the brand's draft, its 试算, 发布 and 历史版本. Admins write; managers read. */
const INITIAL = {
  state: { status: 'idle' },
  form: {},
  errors: {},
  basedOnVersion: 0,
  busy: null,
  notice: null,
  note: '',
  sample: EMPTY_SAMPLE,
  sampleErrors: {},
  dryRun: null,
  versions: { status: 'idle' },
} as const satisfies Partial<ProgrammeEditorStore>

export const useProgrammeEditorStore = create<ProgrammeEditorStore>((set, get) => ({
  ...INITIAL,
  reset() {
    for (const write of Object.keys(pendingRequestIds) as ProgrammeWrite[]) delete pendingRequestIds[write]
    set(INITIAL)
  },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set(state.status === 'ready' ? { state, ...opened(state.data) } : { state }),
      request: () => callAction('admin', 'programmeDraft', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
  async rebase() {
    const answer = await callAction('admin', 'programmeDraft', {})
    if (!answer.ok) {
      set({ notice: { tone: 'failed', text: answer.message } })
      return
    }
    delete pendingRequestIds.save
    const version = answer.data.liveVersion
    set({ basedOnVersion: version, notice: { tone: 'ok', text: `已改为基于第 ${version} 版，请核对后保存` } })
  },
  edit(path, value) {
    delete pendingRequestIds.save
    const key = pathKey(path)
    const { [key]: _fixed, ...errors } = get().errors
    set({ form: withValueAt(get().form, path, value), errors })
  },
  setNote(note) {
    delete pendingRequestIds.publish
    delete pendingRequestIds.restore
    set({ note })
  },
  setSample(field, value) {
    set({ sample: { ...get().sample, [field]: value }, sampleErrors: { ...get().sampleErrors, [field]: undefined } })
  },
  save: submitOnce(() => saveDraft(set, get)),
  publish: submitOnce(() => publishDraft(set, get)),
  restore: submitOnce((version: number) => restoreVersion(set, get, version)),
  runDryRun: submitOnce(() => dryRunDraft(set, get)),
  async loadVersions() {
    await loadInto({
      current: get().versions,
      write: (versions) => set({ versions }),
      request: () => callAction('admin', 'programmeVersions', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
}))
