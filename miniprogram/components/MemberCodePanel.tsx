import type { MemberCodeState } from '@/stores/memberCodeStore'
import { secondsUntil } from '@/utils/memberCodeTiming'
import { CodePanel, type CodePanelView } from './CodePanel'

export interface MemberCodePanelProps {
  readonly state: MemberCodeState
  /** Device time of the last tick, for the countdown. */
  readonly nowMs: number
  readonly onRetry: () => void
}

function viewOf(state: MemberCodeState, nowMs: number): CodePanelView {
  if (state.status === 'error') return { status: 'error', message: state.message }
  if (state.status !== 'ready') return { status: 'loading' }
  const seconds = secondsUntil({ targetMs: state.refreshAtMs, nowMs })
  const caption = state.refreshing ? '正在刷新…' : `${seconds} 秒后自动刷新 · 点击放大`
  return { status: 'ready', token: state.code.token, caption, digits: state.code.numericCode }
}

/**
 * The member code shown at the counter: a QR code of the signed token and a CODE128 barcode of the
 * numeric code (its digits under it, for typing when a scanner fails), the
 * seconds until it refreshes, and a tap to show it full screen for the scanner.
 */
export function MemberCodePanel({ state, nowMs, onRetry }: MemberCodePanelProps) {
  return (
    <CodePanel
      idPrefix='member-code'
      view={viewOf(state, nowMs)}
      loadingText='会员码生成中…'
      retryText='刷新会员码'
      onRetry={onRetry}
    />
  )
}
