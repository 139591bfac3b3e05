import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { classNames } from '@/utils/classNames'
import './ScanBar.css'

export interface ScanBarProps {
  /** Prefix of the element ids: `counter-code` gives `counter-code-scan`, `counter-code-input`, `counter-code-submit`. */
  readonly idPrefix: string
  /** Why the last code was not taken, or null. */
  readonly message: string | null
  readonly busy: boolean
  readonly onCode: (text: string) => void
}

/** Whether a failed `scanCode` was the cashier closing the camera, which needs no message. */
function isCancel(error: unknown): boolean {
  return String((error as { errMsg?: unknown })?.errMsg ?? '').includes('cancel')
}

/**
 * The counter's scan button: the camera on WeChat (`Taro.scanCode`, QR codes and barcodes); in the H5
 * build (local mode, no camera) a field to paste the code into. Every kind of counter code goes here.
 */
export function ScanBar({ idPrefix, message, busy, onCode }: ScanBarProps) {
  const [text, setText] = useState('')
  const [scanError, setScanError] = useState<string | null>(null)

  async function scan() {
    setScanError(null)
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
      onCode(result)
    } catch (error) {
      if (!isCancel(error)) setScanError('扫码失败，请重试')
    }
  }

  const shown = scanError ?? message
  return (
    <View className='scan-bar'>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='scan-bar__paste'>
          <Input
            className='scan-bar__input'
            id={`${idPrefix}-input`}
            placeholder='粘贴会员码、券码或取货码'
            value={text}
            onInput={(event) => setText(event.detail.value)}
          />
          <Button
            className={classNames('button button--primary scan-bar__submit', busy && 'button--disabled')}
            id={`${idPrefix}-submit`}
            disabled={busy}
            onClick={() => {
              onCode(text)
              setText('')
            }}
          >
            确定
          </Button>
        </View>
      ) : (
        <Button
          className={classNames('button button--primary scan-bar__scan', busy && 'button--disabled')}
          id={`${idPrefix}-scan`}
          disabled={busy}
          onClick={() => void scan()}
        >
          扫码
        </Button>
      )}
      {shown !== null && (
        <Text className='scan-bar__message' id={`${idPrefix}-message`}>
          {shown}
        </Text>
      )}
    </View>
  )
}
