import type { PurchasePreview, RecordPurchaseResult } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Button, Text, View } from '@tarojs/components'
import { earningLineText } from '@/utils/earningText'
import { recordFailureText } from '@/utils/refusals'
import type { PurchasePreviewState, RecordingState } from '../../stores/memberPanelStore'

/** The live points preview of the typed amount, or why there is none. */
export function PreviewLine({ preview }: { preview: PurchasePreviewState }) {
  if (preview.status === 'idle')
    return <Text className='panel-preview panel-preview--idle'>输入金额后显示可得积分</Text>
  if (preview.status === 'loading') {
    return (
      <Text className='panel-preview' id='purchase-preview-loading'>
        计算积分中…
      </Text>
    )
  }
  if (preview.status === 'refused') {
    return (
      <Text className='panel-preview panel-preview--refused' id='purchase-preview'>
        {preview.message}
      </Text>
    )
  }
  if (preview.status === 'ready') return <PreviewDetail preview={preview.preview} />
  return null
}

function PreviewDetail({ preview }: { preview: PurchasePreview }) {
  return (
    <View className='panel-preview' id='purchase-preview'>
      <Text className='panel-preview__points' id='purchase-preview-points'>
        {`预计获得 ${preview.points} 积分 · 成长值 ${preview.growth}`}
      </Text>
      <Text className='panel-preview__lines'>{preview.lines.map(earningLineText).join('；')}</Text>
      {preview.needsManagerApproval && (
        <Text className='panel-preview__warning' id='purchase-preview-approval'>
          超出店员限额，需店长操作
        </Text>
      )}
    </View>
  )
}

/** What recording the purchase gave (or that it was a replay), and 继续记录. */
export function PurchaseResult({ result, onNext }: { result: RecordPurchaseResult; onNext: () => void }) {
  return (
    <View className='panel-result' id='purchase-result'>
      <Text className='panel-result__title' id='purchase-result-title'>
        {result.replayed ? '该笔消费此前已记录，未重复发放积分' : `已记录消费 ${formatFen(result.amountFen)}`}
      </Text>
      <Text className='panel-result__line' id='purchase-result-points'>
        {`获得 ${result.points} 积分，积分 ${result.balanceBefore} → ${result.balanceAfter}`}
      </Text>
      {result.upgradedTo !== null && (
        <Text className='panel-result__line panel-result__line--upgrade' id='purchase-result-upgrade'>
          {result.upgradeGiftPoints > 0
            ? `会员升级为${result.upgradedTo.name}，赠送 ${result.upgradeGiftPoints} 积分`
            : `会员升级为${result.upgradedTo.name}`}
        </Text>
      )}
      {result.receiptNo !== null && <Text className='panel-result__line'>{`小票号 ${result.receiptNo}`}</Text>}
      <Button className='button button--small' id='purchase-next' onClick={onNext}>
        继续记录
      </Button>
    </View>
  )
}

/** Why recording failed, in the cashier's words. */
export function RecordFailure({ recording }: { recording: Extract<RecordingState, { status: 'failed' }> }) {
  return (
    <Text className='panel-error' id='purchase-error'>
      {recordFailureText(recording.code, recording.message)}
    </Text>
  )
}
