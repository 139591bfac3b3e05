import type { ApiEnvelope } from '@shared/contracts'
import { adjustPointsInput, correctBirthdayInput, grantTierInput } from '@shared/contracts'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { useMemberDetailStore } from './memberDetailStore'

/** The member detail page's three forms. */
export type MemberWrite = 'adjust' | 'birthday' | 'grant'

/** What each form holds, as typed. */
export interface MemberForms {
  readonly adjust: { readonly amount: string; readonly reason: string }
  readonly birthday: { readonly birthday: string; readonly reason: string }
  readonly grant: { readonly tierId: string; readonly endsOn: string; readonly reason: string }
}

/** A problem per field of a form, in Chinese, shown next to the field. */
export type MemberFormErrors = Partial<Record<string, string>>

export interface MemberWriteNotice {
  readonly write: MemberWrite
  readonly tone: 'ok' | 'failed'
  readonly text: string
}

const EMPTY_FORMS: MemberForms = {
  adjust: { amount: '', reason: '' },
  birthday: { birthday: '', reason: '' },
  grant: { tierId: '', endsOn: '', reason: '' },
}

interface MemberWritesStore {
  readonly memberId: string | null
  readonly forms: MemberForms
  readonly errors: Readonly<Record<MemberWrite, MemberFormErrors>>
  readonly busy: MemberWrite | null
  readonly notice: MemberWriteNotice | null
  open(memberId: string): void
  edit<Write extends MemberWrite>(write: Write, field: keyof MemberForms[Write], value: string): void
  adjustPoints(): Promise<unknown>
  correctBirthday(): Promise<unknown>
  /** Grants the chosen tier through the chosen day; `revoke` takes the grant away instead (取消授予). */
  grantTier(revoke?: boolean): Promise<unknown>
  reset(): void
}

// A write whose outcome is unknown keeps its request id, so the retry is replayed, not done twice.
const pendingRequestIds: Partial<Record<MemberWrite, string>> = {}

function requestIdFor(write: MemberWrite): string {
  pendingRequestIds[write] ??= newRequestId()
  return pendingRequestIds[write]
}

function errorsOf(error: z.ZodError): MemberFormErrors {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return errors
}

/** The typed amount as a signed integer, NaN unless it is one (`+50`, `-20`, `50`). */
function amountOf(text: string): number {
  const typed = text.trim()
  return /^[+-]?\d+$/.test(typed) ? Number(typed) : Number.NaN
}

function limitsOf() {
  const { state } = useMemberDetailStore.getState()
  return state.status === 'ready' ? state.data.limits : null
}

const DONE: Readonly<Record<MemberWrite, string>> = {
  adjust: '积分已调整',
  birthday: '生日已更正',
  grant: '等级授予已更新',
}

/** The detail page's writes (`admin.adjustPoints`, `correctBirthday`, `grantTier`); the detail reloads after each. */
export const useMemberWritesStore = create<MemberWritesStore>((set, get) => {
  /** Checks a form with its contract (errors next to their fields), sends it, and reloads the member. */
  async function write<Input>(
    kind: MemberWrite,
    schema: z.ZodType<Input>,
    fields: Record<string, unknown>,
    send: (input: Input) => Promise<ApiEnvelope<unknown>>,
    problems: MemberFormErrors = {},
  ): Promise<void> {
    const { memberId } = get()
    if (memberId === null) return
    const parsed = schema.safeParse({ requestId: requestIdFor(kind), memberId, ...fields })
    const errors = parsed.success ? problems : { ...errorsOf(parsed.error), ...problems }
    if (!parsed.success || Object.keys(problems).length > 0) {
      set({ errors: { ...get().errors, [kind]: errors }, notice: null })
      return
    }
    set({ busy: kind, errors: { ...get().errors, [kind]: {} }, notice: null })
    const answer = await send(parsed.data)
    if (answer.ok || !isOutcomeUnknown(answer.code)) delete pendingRequestIds[kind]
    if (!answer.ok) {
      set({ busy: null, notice: { write: kind, tone: 'failed', text: answer.message } })
      return
    }
    await useMemberDetailStore.getState().load(memberId)
    set({
      busy: null,
      forms: { ...get().forms, [kind]: EMPTY_FORMS[kind] },
      notice: { write: kind, tone: 'ok', text: DONE[kind] },
    })
  }

  return {
    memberId: null,
    forms: EMPTY_FORMS,
    errors: { adjust: {}, birthday: {}, grant: {} },
    busy: null,
    notice: null,
    open(memberId) {
      if (get().memberId === memberId) return
      for (const kind of Object.keys(pendingRequestIds) as MemberWrite[]) delete pendingRequestIds[kind]
      set({ memberId, forms: EMPTY_FORMS, errors: { adjust: {}, birthday: {}, grant: {} }, busy: null, notice: null })
    },
    edit(kind, field, value) {
      // A changed form is a new intent: it must not replay the last attempt's answer.
      delete pendingRequestIds[kind]
      const errors = { ...get().errors[kind], [field]: undefined }
      set({
        forms: { ...get().forms, [kind]: { ...get().forms[kind], [field]: value } },
        errors: { ...get().errors, [kind]: errors },
      })
    },
    adjustPoints: submitOnce(async () => {
      const form = get().forms.adjust
      const amount = amountOf(form.amount)
      const limit = limitsOf()?.adjustmentPointsMax ?? Number.POSITIVE_INFINITY
      const problems: MemberFormErrors = Number.isNaN(amount)
        ? { amount: '请填写整数积分：正数增加，负数扣减' }
        : Math.abs(amount) > limit
          ? { amount: `单次调整不能超过 ${limit} 积分` }
          : {}
      await write(
        'adjust',
        adjustPointsInput,
        { amount: Number.isNaN(amount) ? 0 : amount, reason: form.reason },
        (input) => callAction('admin', 'adjustPoints', input),
        problems,
      )
    }),
    correctBirthday: submitOnce(async () => {
      const form = get().forms.birthday
      const birthday = form.birthday.trim() === '' ? null : form.birthday.trim()
      await write('birthday', correctBirthdayInput, { birthday, reason: form.reason }, (input) =>
        callAction('admin', 'correctBirthday', input),
      )
    }),
    grantTier: submitOnce(async (revoke = false) => {
      const form = get().forms.grant
      // An unchosen tier must not read as null, which would take the grant away.
      const problems: MemberFormErrors = !revoke && form.tierId === '' ? { tierId: '请选择等级' } : {}
      const fields = revoke
        ? { tierId: null, endsOn: null, reason: form.reason }
        : { tierId: form.tierId || 'none', endsOn: form.endsOn || null, reason: form.reason }
      await write('grant', grantTierInput, fields, (input) => callAction('admin', 'grantTier', input), problems)
    }),
    reset() {
      for (const kind of Object.keys(pendingRequestIds) as MemberWrite[]) delete pendingRequestIds[kind]
      set({
        memberId: null,
        forms: EMPTY_FORMS,
        errors: { adjust: {}, birthday: {}, grant: {} },
        busy: null,
        notice: null,
      })
    },
  }
})
