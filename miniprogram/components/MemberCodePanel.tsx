import { Button, Image, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { MemberCodeState } from '@/stores/memberCodeStore'
import { code128Svg } from '@/utils/barcodeSvg'
import { secondsUntil } from '@/utils/memberCodeTiming'
import { qrCodeSvg } from '@/utils/qrCodeSvg'
import { svgDataUrl } from '@/utils/svgDataUrl'
import './MemberCodePanel.css'

export interface MemberCodePanelProps {
  readonly state: MemberCodeState
  /** Device time of the last tick, for the countdown. */
  readonly nowMs: number
  readonly onRetry: () => void
}

function useCodeImages(token: string | null): { qr: string; barcode: string } | null {
  return useMemo(
    () => (token === null ? null : { qr: svgDataUrl(qrCodeSvg(token)), barcode: svgDataUrl(code128Svg(token)) }),
    [token],
  )
}

/**
 * The member code shown at the counter: a QR code and a CODE128 barcode of the signed token, the
 * seconds until it refreshes, and a tap to show it full screen for the scanner.
 */
export function MemberCodePanel({ state, nowMs, onRetry }: MemberCodePanelProps) {
  const [enlarged, setEnlarged] = useState(false)
  const token = state.status === 'ready' ? state.code.token : null
  const images = useCodeImages(token)

  if (state.status === 'error') {
    return (
      <View className='member-code member-code--error' id='member-code-error'>
        <Text className='member-code__message'>{state.message}</Text>
        <Button className='button button--small member-code__retry' id='member-code-retry' onClick={onRetry}>
          刷新会员码
        </Button>
      </View>
    )
  }
  if (state.status !== 'ready' || images === null) {
    return (
      <View className='member-code member-code--loading' id='member-code-loading'>
        <Text className='member-code__message'>会员码生成中…</Text>
      </View>
    )
  }
  const seconds = secondsUntil({ targetMs: state.refreshAtMs, nowMs })
  return (
    <View className='member-code'>
      <View className='member-code__codes' id='member-code' onClick={() => setEnlarged(true)}>
        <Image className='member-code__barcode' id='member-code-barcode' src={images.barcode} mode='scaleToFill' />
        <Image
          className='member-code__qr'
          id='member-code-qr'
          data-token={state.code.token}
          src={images.qr}
          mode='aspectFit'
        />
      </View>
      <Text className='member-code__countdown' id='member-code-countdown'>
        {state.refreshing ? '正在刷新…' : `${seconds} 秒后自动刷新 · 点击放大`}
      </Text>
      {enlarged && (
        <View className='member-code-overlay' id='member-code-enlarged' onClick={() => setEnlarged(false)}>
          <View className='member-code-overlay__sheet'>
            <Image
              className='member-code-overlay__barcode'
              id='member-code-enlarged-barcode'
              src={images.barcode}
              mode='scaleToFill'
            />
            <Image
              className='member-code-overlay__qr'
              id='member-code-enlarged-qr'
              data-token={state.code.token}
              src={images.qr}
              mode='aspectFit'
            />
            <Text className='member-code-overlay__hint'>向店员出示此码 · 点击任意处关闭</Text>
          </View>
        </View>
      )}
    </View>
  )
}
