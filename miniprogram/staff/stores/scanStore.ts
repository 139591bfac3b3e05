import { create } from 'zustand'
import { scannedCodeOf } from '../utils/scannedCode'
import { useVerificationStore } from './verificationStore'

/** What the page does after a code: open the member panel for a member code, or stay (the result is shown). */
export type ScanOutcome = { readonly kind: 'member'; readonly token: string } | { readonly kind: 'stay' }

/** Shown for a code that is neither a member code, a coupon code nor a pickup code. */
export const UNKNOWN_CODE_MESSAGE = '无法识别的二维码，请扫描会员码、优惠券码或取货码'
/** Shown when 确定 is tapped with nothing typed. */
export const EMPTY_CODE_MESSAGE = '请先扫描或粘贴二维码内容'

interface ScanStore {
  /** Why the last code was not taken, or null. */
  readonly message: string | null
  /** Routes a scanned or pasted code: member codes open the panel, coupon and pickup codes are verified here. */
  submit(text: string): Promise<ScanOutcome>
  reset(): void
}

/** The counter's one scan field, which takes every kind of code the counter handles. */
export const useScanStore = create<ScanStore>((set) => ({
  message: null,
  async submit(text) {
    if (text.trim() === '') {
      set({ message: EMPTY_CODE_MESSAGE })
      return { kind: 'stay' }
    }
    const code = scannedCodeOf(text)
    set({ message: code.kind === 'unknown' ? UNKNOWN_CODE_MESSAGE : null })
    if (code.kind === 'member') return { kind: 'member', token: code.token }
    if (code.kind === 'coupon') await useVerificationStore.getState().verifyCoupon(code.token)
    if (code.kind === 'pickup') await useVerificationStore.getState().verifyPickup(code.pickupCode)
    return { kind: 'stay' }
  },
  reset() {
    set({ message: null })
  },
}))
