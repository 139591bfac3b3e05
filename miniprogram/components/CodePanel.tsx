import { groupedDigits } from '@shared/codes'
import { Button, Image, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { code128Svg } from '@/utils/barcodeSvg'
import { qrCodeSvg } from '@/utils/qrCodeSvg'
import { svgDataUrl } from '@/utils/svgDataUrl'
import './CodePanel.css'

/**
 * What a code panel shows: a code being fetched, one that failed, or a token with a caption under it.
 * The barcode carries the token too, unless `digits` gives a numeric code for it (shown under it).
 */
export type CodePanelView =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly token: string; readonly caption: string; readonly digits?: string }

export interface CodePanelProps {
  /** Prefix of every element id: `member-code` gives `member-code-qr`, `member-code-barcode`, … */
  readonly idPrefix: string
  readonly view: CodePanelView
  readonly loadingText: string
  readonly retryText: string
  readonly onRetry: () => void
}

function useCodeImages(token: string | null, barcodeText: string | null): CodeImages | null {
  return useMemo(
    () =>
      token === null || barcodeText === null
        ? null
        : { qr: svgDataUrl(qrCodeSvg(token)), barcode: svgDataUrl(code128Svg(barcodeText)) },
    [token, barcodeText],
  )
}

interface CodeImages {
  readonly qr: string
  readonly barcode: string
}

/** The code full screen, for the scanner; a tap anywhere closes it. */
function CodeOverlay({
  idPrefix,
  token,
  images,
  onClose,
}: {
  idPrefix: string
  token: string
  images: CodeImages
  onClose: () => void
}) {
  return (
    <View className='code-overlay' id={`${idPrefix}-enlarged`} onClick={onClose}>
      <View className='code-overlay__sheet'>
        <Image
          className='code-overlay__barcode'
          id={`${idPrefix}-enlarged-barcode`}
          src={images.barcode}
          mode='scaleToFill'
        />
        <Image
          className='code-overlay__qr'
          id={`${idPrefix}-enlarged-qr`}
          data-token={token}
          src={images.qr}
          mode='aspectFit'
        />
        <Text className='code-overlay__hint'>向店员出示此码 · 点击任意处关闭</Text>
      </View>
    </View>
  )
}

/** The barcode (of the numeric code when there is one, its digits under it) and the QR code of the token. */
function CodeImagesView({
  idPrefix,
  token,
  digits,
  images,
}: {
  idPrefix: string
  token: string
  digits: string | null
  images: CodeImages
}) {
  return (
    <>
      <Image
        className='code-panel__barcode'
        id={`${idPrefix}-barcode`}
        data-value={digits ?? token}
        src={images.barcode}
        mode='scaleToFill'
      />
      {digits !== null && (
        <Text className='code-panel__digits' id={`${idPrefix}-digits`}>
          {groupedDigits(digits)}
        </Text>
      )}
      <Image className='code-panel__qr' id={`${idPrefix}-qr`} data-token={token} src={images.qr} mode='aspectFit' />
    </>
  )
}

/**
 * A signed token shown at the counter: a QR code and a CODE128 barcode of it, a caption (the refresh
 * countdown), and a tap to show it full screen for the scanner. The member code and coupon codes use it.
 */
export function CodePanel({ idPrefix, view, loadingText, retryText, onRetry }: CodePanelProps) {
  const [enlarged, setEnlarged] = useState(false)
  const token = view.status === 'ready' ? view.token : null
  const digits = view.status === 'ready' ? (view.digits ?? null) : null
  const images = useCodeImages(token, digits ?? token)

  if (view.status === 'error') {
    return (
      <View className='code-panel code-panel--error' id={`${idPrefix}-error`}>
        <Text className='code-panel__message'>{view.message}</Text>
        <Button className='button button--small code-panel__retry' id={`${idPrefix}-retry`} onClick={onRetry}>
          {retryText}
        </Button>
      </View>
    )
  }
  if (view.status !== 'ready' || images === null) {
    return (
      <View className='code-panel code-panel--loading' id={`${idPrefix}-loading`}>
        <Text className='code-panel__message'>{loadingText}</Text>
      </View>
    )
  }
  return (
    <View className='code-panel'>
      <View className='code-panel__codes' id={idPrefix} onClick={() => setEnlarged(true)}>
        <CodeImagesView idPrefix={idPrefix} token={view.token} digits={digits} images={images} />
      </View>
      <Text className='code-panel__caption' id={`${idPrefix}-countdown`}>
        {view.caption}
      </Text>
      {enlarged && (
        <CodeOverlay idPrefix={idPrefix} token={view.token} images={images} onClose={() => setEnlarged(false)} />
      )}
    </View>
  )
}
