import type { CounterMember, PurchasePreview, RecordPurchaseResult } from '@shared/contracts'
import { RECEIPT_NUMBER_LENGTH_MAX } from '@shared/contracts'
import type { EarningLine } from '@shared/earning'
import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { relaunch } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { benefitText, lastMinuteText } from '@/utils/couponText'
import { recordFailureText } from '@/utils/refusals'
import { Keypad } from '../../components/Keypad'
import { ScanBar } from '../../components/ScanBar'
import { StaffGate } from '../../components/StaffGate'
import { CouponVerificationResult } from '../../components/VerificationResult'
import { type PurchasePreviewState, type RecordingState, useMemberPanelStore } from '../../stores/memberPanelStore'
import { useScanStore } from '../../stores/scanStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { purchaseFenOf } from '../../utils/keypadAmount'
import './index.css'

function Summary({ member }: { member: CounterMember }) {
  return (
    <View className='panel-summary' id='member-summary'>
      <View className='panel-summary__who'>
        <Text className='panel-summary__name' id='member-name'>
          {member.nickname ?? '会员'}
        </Text>
        <Text className='panel-summary__tier' id='member-tier'>
          {member.tier.name}
        </Text>
      </View>
      <Text className='panel-summary__balance' id='member-balance'>{`可用积分 ${member.balance}`}</Text>
    </View>
  )
}

function Coupons({ member }: { member: CounterMember }) {
  return (
    <View className='panel-card' id='member-coupons'>
      <Text className='panel-card__title'>{`可用优惠券（${member.coupons.length}）`}</Text>
      {member.coupons.length === 0 ? (
        <Text className='panel-card__empty' id='member-coupons-empty'>
          暂无可用优惠券
        </Text>
      ) : (
        <>
          {member.coupons.map((coupon) => (
            <View className='panel-coupon' id={`member-coupon-${coupon.id}`} key={coupon.id}>
              <Text className='panel-coupon__benefit'>{benefitText(coupon.benefit)}</Text>
              <Text className='panel-coupon__line'>{coupon.title}</Text>
              <Text className='panel-coupon__line'>{`有效期至 ${lastMinuteText(coupon.validUntilMs)}`}</Text>
            </View>
          ))}
          <Text className='panel-card__hint'>核销时请会员出示该券的券码，扫描上方即可</Text>
        </>
      )}
    </View>
  )
}

function lineText(line: EarningLine): string {
  switch (line.kind) {
    case 'base':
      return `基础积分 ${line.points}`
    case 'tier':
      return `等级加成 ${line.multiplierPercent / 100} 倍 +${line.points}`
    case 'campaign':
      return `${line.name} ${line.multiplierPercent / 100} 倍 +${line.points}`
    case 'cap':
      return `单笔封顶 ${line.capPoints}，扣减 ${line.points}`
  }
}

function PreviewLine({ preview }: { preview: PurchasePreviewState }) {
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
      <Text className='panel-preview__lines'>{preview.lines.map(lineText).join('；')}</Text>
      {preview.needsManagerApproval && (
        <Text className='panel-preview__warning' id='purchase-preview-approval'>
          超出店员限额，需店长操作
        </Text>
      )}
    </View>
  )
}

function PurchaseResult({ result, onNext }: { result: RecordPurchaseResult; onNext: () => void }) {
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

function RecordFailure({ recording }: { recording: Extract<RecordingState, { status: 'failed' }> }) {
  return (
    <Text className='panel-error' id='purchase-error'>
      {recordFailureText(recording.code, recording.message)}
    </Text>
  )
}

function Purchase({ member }: { member: CounterMember }) {
  const amountText = useMemberPanelStore((store) => store.amountText)
  const receiptNo = useMemberPanelStore((store) => store.receiptNo)
  const preview = useMemberPanelStore((store) => store.preview)
  const recording = useMemberPanelStore((store) => store.recording)
  const press = useMemberPanelStore((store) => store.press)
  const setReceiptNo = useMemberPanelStore((store) => store.setReceiptNo)
  const record = useMemberPanelStore((store) => store.record)
  const retryRecord = useMemberPanelStore((store) => store.retryRecord)
  const startNext = useMemberPanelStore((store) => store.startNext)
  const amountFen = purchaseFenOf(amountText)
  const outcomeUnknown = recording.status === 'failed' && recording.retryable
  const canSubmit = amountFen !== null && recording.status !== 'recording'

  async function confirmAndRecord(fen: number) {
    const points = preview.status === 'ready' ? `，预计获得 ${preview.preview.points} 积分` : ''
    const { confirm } = await Taro.showModal({
      title: '确认记录消费',
      content: `为 ${member.nickname ?? '会员'} 记录消费 ${formatFen(fen)}${points}。`,
      confirmText: '确认记录',
    })
    if (confirm) await record()
  }

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
      <View className='panel-amount'>
        <Text className='panel-amount__currency'>¥</Text>
        <Text
          className={classNames('panel-amount__value', amountText === '' && 'panel-amount__value--empty')}
          id='purchase-amount'
        >
          {amountText === '' ? '0.00' : amountText}
        </Text>
      </View>
      <PreviewLine preview={preview} />
      <Keypad disabled={recording.status === 'recording' || outcomeUnknown} onPress={press} />
      <Input
        className='panel-receipt'
        id='purchase-receipt'
        placeholder='小票号（选填）'
        maxlength={RECEIPT_NUMBER_LENGTH_MAX}
        value={receiptNo}
        onInput={(event) => setReceiptNo(event.detail.value)}
      />
      {recording.status === 'failed' && <RecordFailure recording={recording} />}
      {outcomeUnknown ? (
        <Button className='button button--primary' id='purchase-retry' onClick={() => void retryRecord()}>
          重试记录
        </Button>
      ) : (
        <Button
          className={classNames('button button--primary', !canSubmit && 'button--disabled')}
          id='purchase-submit'
          disabled={!canSubmit}
          onClick={() => {
            if (amountFen !== null) void confirmAndRecord(amountFen)
          }}
        >
          {recording.status === 'recording' ? '记录中…' : '记录消费'}
        </Button>
      )}
    </View>
  )
}

function Panel({ token }: { token: string }) {
  const member = useMemberPanelStore((store) => store.member)
  const load = useMemberPanelStore((store) => store.load)
  const dropCoupon = useMemberPanelStore((store) => store.dropCoupon)
  const message = useScanStore((store) => store.message)
  const submit = useScanStore((store) => store.submit)
  const coupon = useVerificationStore((store) => store.coupon)

  useEffect(() => {
    void load(token)
  }, [token, load])

  useEffect(() => {
    if (coupon.status === 'verified') dropCoupon(coupon.result.couponId)
  }, [coupon, dropCoupon])

  async function onCode(text: string) {
    const outcome = await submit(text)
    // Another member's code: the panel switches to them.
    if (outcome.kind === 'member') await load(outcome.token)
  }

  if (member.status === 'error') {
    return (
      <View className='panel-failed' id='member-error'>
        <LoadState state='error' message={member.message} onRetry={() => void load(token)} />
        <Button className='button button--small' id='member-back' onClick={() => void relaunch('staffCounter')}>
          返回收银台重新扫码
        </Button>
      </View>
    )
  }
  if (member.status !== 'ready') return <LoadState state='loading' />
  return (
    <>
      <Summary member={member.data} />
      <ScanBar
        idPrefix='panel-code'
        message={message}
        busy={coupon.status === 'verifying'}
        onCode={(text) => void onCode(text)}
      />
      <CouponVerificationResult state={coupon} />
      <Purchase member={member.data} />
      <Coupons member={member.data} />
    </>
  )
}

/** The member at the counter after a scan: who, tier, balance, coupons; record a purchase; verify coupons. */
export default function MemberPanelPage() {
  const token = useMemo(() => Taro.getCurrentInstance().router?.params?.token ?? '', [])
  const reset = useMemberPanelStore((store) => store.reset)
  const resetVerification = useVerificationStore((store) => store.reset)
  const resetScan = useScanStore((store) => store.reset)

  useEffect(() => {
    // The counter's last verification is not this member's.
    resetVerification()
    resetScan()
    return () => {
      reset()
      resetVerification()
      resetScan()
    }
  }, [reset, resetVerification, resetScan])

  return (
    <PageShell className='panel-page'>
      <StaffGate>
        {() => (token === '' ? <LoadState state='empty' message='请先在收银台扫描会员码' /> : <Panel token={token} />)}
      </StaffGate>
    </PageShell>
  )
}
