import type { CounterMember } from '@shared/contracts'
import { RECEIPT_NUMBER_LENGTH_MAX } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { classNames } from '@/utils/classNames'
import { Keypad } from '../../components/Keypad'
import { useMemberPanelStore } from '../../stores/memberPanelStore'
import { purchaseFenOf } from '../../utils/keypadAmount'
import { ApprovalRequest } from './ApprovalRequest'
import { PreviewLine, PurchaseResult, RecordFailure } from './PurchaseOutcome'

/** The amount as typed on the keypad, in yuan; 0.00 greyed until the first key. */
function AmountDisplay({ amountText }: { amountText: string }) {
  return (
    <View className='panel-amount'>
      <Text className='panel-amount__currency'>¥</Text>
      <Text
        className={classNames('panel-amount__value', amountText === '' && 'panel-amount__value--empty')}
        id='purchase-amount'
      >
        {amountText === '' ? '0.00' : amountText}
      </Text>
    </View>
  )
}

/** Asks the clerk to confirm the amount (and the points it earns) before it is recorded. */
async function confirmAndRecord(member: CounterMember, fen: number): Promise<void> {
  const { preview, record } = useMemberPanelStore.getState()
  const points = preview.status === 'ready' ? `，预计获得 ${preview.preview.points} 积分` : ''
  const { confirm } = await Taro.showModal({
    title: '确认记录消费',
    content: `为 ${member.nickname ?? '会员'} 记录消费 ${formatFen(fen)}${points}。`,
    confirmText: '确认记录',
  })
  if (confirm) await record()
}

/** 重试记录 while an earlier attempt's outcome is unknown, else 记录消费 for the amount on the keypad. */
function RecordButton({ member, canSubmit }: { member: CounterMember; canSubmit: boolean }) {
  const amountText = useMemberPanelStore((store) => store.amountText)
  const recording = useMemberPanelStore((store) => store.recording)
  const retryRecord = useMemberPanelStore((store) => store.retryRecord)
  const amountFen = purchaseFenOf(amountText)
  if (recording.status === 'failed' && recording.retryable) {
    return (
      <Button className='button button--primary' id='purchase-retry' onClick={() => void retryRecord()}>
        重试记录
      </Button>
    )
  }
  return (
    <Button
      className={classNames('button button--primary', !canSubmit && 'button--disabled')}
      id='purchase-submit'
      disabled={!canSubmit}
      onClick={() => {
        if (amountFen !== null) void confirmAndRecord(member, amountFen)
      }}
    >
      {recording.status === 'recording' ? '记录中…' : '记录消费'}
    </Button>
  )
}

/** 记录消费: the amount on the keypad, its preview, the receipt number and recording after a confirmation. */
export function Purchase({ member }: { member: CounterMember }) {
  const amountText = useMemberPanelStore((store) => store.amountText)
  const receiptNo = useMemberPanelStore((store) => store.receiptNo)
  const preview = useMemberPanelStore((store) => store.preview)
  const recording = useMemberPanelStore((store) => store.recording)
  const press = useMemberPanelStore((store) => store.press)
  const setReceiptNo = useMemberPanelStore((store) => store.setReceiptNo)
  const startNext = useMemberPanelStore((store) => store.startNext)
  const approvalStatus = useMemberPanelStore((store) => store.approvalRequest.status)
  const outcomeUnknown = recording.status === 'failed' && recording.retryable
  // A purchase with the manager is not recorded again: that would be a second request for it.
  const withManager = approvalStatus === 'submitting' || approvalStatus === 'submitted'
  const canSubmit = purchaseFenOf(amountText) !== null && recording.status !== 'recording' && !withManager

  if (recording.status === 'done') {
    return (
      <View className='panel-card'>
        <PurchaseResult result={recording.result} onNext={startNext} />
      </View>
    )
  }
  return (
    <View className='panel-card panel-purchase'>
      <Text className='panel-card__title'>记录消费</Text>
      <AmountDisplay amountText={amountText} />
      <PreviewLine preview={preview} />
      <Keypad
        disabled={recording.status === 'recording' || outcomeUnknown || approvalStatus === 'submitting'}
        onPress={press}
      />
      <Input
        className='panel-receipt'
        id='purchase-receipt'
        placeholder='小票号（选填）'
        maxlength={RECEIPT_NUMBER_LENGTH_MAX}
        value={receiptNo}
        onInput={(event) => setReceiptNo(event.detail.value)}
      />
      {recording.status === 'failed' && <RecordFailure recording={recording} />}
      <ApprovalRequest />
      <RecordButton member={member} canSubmit={canSubmit} />
    </View>
  )
}
