import type { CouponCode, CouponPreview, WalletCoupon } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { couponCodeRefreshAtMs } from '@/utils/couponCodeTiming'
import { fenOfYuanText } from '@/utils/yuanInput'
import type { Loadable } from './loadable'
import { useWalletStore } from './walletStore'

/** The coupon's counter code on screen and when (by this device's clock) to fetch the next one. */
export type CouponCodeState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly code: CouponCode; readonly refreshAtMs: number; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly message: string }

/** The discount preview for the amount the member typed. */
export type PreviewState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly preview: CouponPreview }
  | { readonly status: 'refused'; readonly message: string }

/** Shown when the typed amount is not yuan with at most two decimals. */
export const AMOUNT_FORMAT_MESSAGE = '请输入正确的订单金额（元，最多两位小数）'

interface CouponDetailStore {
  readonly couponId: string | null
  readonly coupon: Loadable<WalletCoupon>
  /** The names of the stores the coupon is limited to, by id. */
  readonly storeNames: Readonly<Record<string, string>>
  readonly code: CouponCodeState
  /** Device time of the last load or tick, for the countdown. */
  readonly nowMs: number
  readonly preview: PreviewState
  /** Takes the coupon from the wallet in memory, or asks for it (`coupon.get`). */
  load(couponId: string): Promise<void>
  /** Fetches a fresh counter code; the current one stays on screen until the new one arrives. */
  loadCode(): Promise<void>
  /** Called every second while the code is on screen: advances the countdown, refreshes when due. */
  tick(): void
  /** What the coupon takes off an order of `amountText` yuan. */
  previewAmount(amountText: string): Promise<void>
  reset(): void
}

// Bumped by reset(): answers that arrive for an older generation belong to a page that is gone.
let generation = 0

/** One coupon (`coupon.get` unless the wallet in memory has it), its signed counter code (`coupon.couponCode`) and discount preview (`coupon.preview`). */
export const useCouponDetailStore = create<CouponDetailStore>((set, get) => ({
  couponId: null,
  coupon: { status: 'idle' },
  storeNames: {},
  code: { status: 'idle' },
  nowMs: 0,
  preview: { status: 'idle' },
  async load(couponId) {
    const requested = generation
    set({ couponId })
    const wallet = useWalletStore.getState()
    const known = wallet.state.status === 'ready' && wallet.state.data.coupons.find((coupon) => coupon.id === couponId)
    if (known) {
      set({ coupon: { status: 'ready', data: known }, storeNames: wallet.state.data.storeNames })
      return
    }
    set({ coupon: { status: 'loading' } })
    // Opened from a link or a message, the coupon may not be in the wallet in memory: ask for it alone.
    const answer = await callAction('coupon', 'get', { couponId })
    if (requested !== generation) return
    if (!answer.ok) {
      set({ coupon: { status: 'error', message: answer.message } })
      return
    }
    set({ coupon: { status: 'ready', data: answer.data.coupon }, storeNames: answer.data.storeNames })
  },
  async loadCode() {
    const { couponId } = get()
    if (couponId === null) return
    const requested = generation
    const current = get().code
    set({
      nowMs: Date.now(),
      code: current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' },
    })
    const answer = await callAction('coupon', 'couponCode', { couponId })
    if (requested !== generation) return
    const receivedAtMs = Date.now()
    set({
      nowMs: receivedAtMs,
      code: answer.ok
        ? { status: 'ready', code: answer.data, refreshAtMs: couponCodeRefreshAtMs(receivedAtMs), refreshing: false }
        : { status: 'error', message: answer.message },
    })
  },
  tick() {
    const nowMs = Date.now()
    set({ nowMs })
    const current = get().code
    if (current.status === 'ready' && !current.refreshing && nowMs >= current.refreshAtMs) void get().loadCode()
  },
  async previewAmount(amountText) {
    const { couponId } = get()
    if (couponId === null) return
    const orderAmountFen = fenOfYuanText(amountText)
    if (orderAmountFen === null) {
      set({ preview: { status: 'refused', message: AMOUNT_FORMAT_MESSAGE } })
      return
    }
    const requested = generation
    set({ preview: { status: 'loading' } })
    const answer = await callAction('coupon', 'preview', { couponId, orderAmountFen })
    if (requested !== generation) return
    set({
      preview: answer.ok ? { status: 'ready', preview: answer.data } : { status: 'refused', message: answer.message },
    })
  },
  reset() {
    generation += 1
    set({
      couponId: null,
      coupon: { status: 'idle' },
      storeNames: {},
      code: { status: 'idle' },
      nowMs: 0,
      preview: { status: 'idle' },
    })
  },
}))
