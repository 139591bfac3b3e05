import type { AuditEntryView, StaffMe } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { usePageData } from '@/hooks/usePageData'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { type TodayScope, useTodayStore } from '../stores/todayStore'
import { auditActionText, auditDetailText } from '../utils/staffText'
import './TodayList.css'

/** Whether the caller may reverse purchases: the store's manager or an admin (the function checks again). */
function canReverse(staff: StaffMe): boolean {
  return staff.role === 'manager' || staff.role === 'admin'
}

function ReversalOutcome() {
  const reversal = useTodayStore((store) => store.reversal)
  const dismiss = useTodayStore((store) => store.dismissReversal)
  if (reversal.status === 'failed') {
    return (
      <View className='today-reversal today-reversal--failed' id='reverse-error' onClick={dismiss}>
        <Text>{`撤销失败：${reversal.message}`}</Text>
      </View>
    )
  }
  if (reversal.status !== 'done') return null
  const { result } = reversal
  return (
    <View className='today-reversal' id='reverse-result' onClick={dismiss}>
      <Text className='today-reversal__title'>{`已撤销，扣回 ${result.takenBack} 积分`}</Text>
      <Text className='today-reversal__line'>{`会员积分 ${result.balanceBefore} → ${result.balanceAfter}`}</Text>
      {result.shortfall > 0 && (
        <Text className='today-reversal__line today-reversal__line--warning' id='reverse-shortfall'>
          {`会员已使用其中 ${result.shortfall} 积分，差额无法扣回，已记入撤销记录`}
        </Text>
      )}
    </View>
  )
}

function ReasonForm({ entry, onClose }: { entry: AuditEntryView; onClose: () => void }) {
  const reverse = useTodayStore((store) => store.reverse)
  const [reason, setReason] = useState('')
  const ready = reason.trim() !== ''

  async function confirm() {
    const amount = entry.amountFen === null ? '' : ` ${formatFen(entry.amountFen)} `
    const { confirm: confirmed } = await Taro.showModal({
      title: '确认撤销',
      content: `撤销这笔${amount}消费，将扣回它发放的 ${entry.points ?? 0} 积分和成长值，且不能再次撤销。`,
      confirmText: '确认撤销',
    })
    if (!confirmed) return
    onClose()
    await reverse({ purchaseEntryId: entry.subjectId ?? entry.id, reason })
  }

  return (
    <View className='today-reason' id='reverse-form'>
      <Input
        className='today-reason__input'
        id='reverse-reason'
        placeholder='撤销原因（必填，如：顾客退货）'
        maxlength={100}
        value={reason}
        onInput={(event) => setReason(event.detail.value)}
      />
      <View className='today-reason__buttons'>
        <Button className='button button--small' id='reverse-cancel' onClick={onClose}>
          取消
        </Button>
        <Button
          className={classNames('button button--small today-reason__confirm', !ready && 'button--disabled')}
          id='reverse-confirm'
          disabled={!ready}
          onClick={() => void confirm()}
        >
          撤销
        </Button>
      </View>
    </View>
  )
}

function Entry({ entry, reversible }: { entry: AuditEntryView; reversible: boolean }) {
  const reversal = useTodayStore((store) => store.reversal)
  const [asking, setAsking] = useState(false)
  const busy = reversal.status === 'reversing' && reversal.entryId === (entry.subjectId ?? entry.id)
  return (
    <View className='today-entry' id={`today-entry-${entry.id}`}>
      <View className='today-entry__row'>
        <Text className='today-entry__action'>{auditActionText(entry.action)}</Text>
        <Text className='today-entry__time'>{formatDateTime(entry.createdAtMs).slice(11)}</Text>
      </View>
      <Text className='today-entry__detail'>{auditDetailText(entry)}</Text>
      {entry.action === 'purchase' && entry.reversed && <Text className='today-entry__badge'>已撤销</Text>}
      {reversible && entry.action === 'purchase' && !entry.reversed && !asking && (
        <Button
          className={classNames('button button--small today-entry__reverse', busy && 'button--disabled')}
          id={`today-reverse-${entry.id}`}
          disabled={busy}
          onClick={() => setAsking(true)}
        >
          {busy ? '撤销中…' : '撤销'}
        </Button>
      )}
      {asking && <ReasonForm entry={entry} onClose={() => setAsking(false)} />}
    </View>
  )
}

function ScopeTabs({ scope, onChange }: { scope: TodayScope; onChange: (scope: TodayScope) => void }) {
  const tabs: readonly { scope: TodayScope; label: string }[] = [
    { scope: 'mine', label: '我的' },
    { scope: 'store', label: '全店' },
  ]
  return (
    <View className='today-tabs'>
      {tabs.map((tab) => (
        <View
          key={tab.scope}
          className={classNames('today-tabs__tab', tab.scope === scope && 'today-tabs__tab--active')}
          id={`today-scope-${tab.scope}`}
          onClick={() => onChange(tab.scope)}
        >
          {tab.label}
        </View>
      ))}
    </View>
  )
}

/** Today's actions at the counter: the caller's own, or the store's for managers, with 撤销 for purchases. */
export function TodayList({ staff }: { staff: StaffMe }) {
  const scope = useTodayStore((store) => store.scope)
  const state = useTodayStore((store) => store.state)
  const load = useTodayStore((store) => store.load)
  const reversible = canReverse(staff)

  // The page shows again after the member panel: what was recorded there belongs in the list.
  usePageData(load)

  return (
    <View className='today'>
      <View className='today__header'>
        <Text className='today__title'>今日操作</Text>
        {reversible && <ScopeTabs scope={scope} onChange={(next) => void load(next)} />}
      </View>
      <ReversalOutcome />
      <Loaded state={state} onRetry={load}>
        {(today) => (
          <>
            <Text className='today__total' id='today-total'>
              {`今日消费合计 ${formatFen(today.purchaseTotalFen)}`}
            </Text>
            {today.entries.length === 0 ? (
              <LoadState state='empty' message='今天还没有操作记录' />
            ) : (
              <View className='today__list' id='today-list'>
                {today.entries.map((entry) => (
                  <Entry key={entry.id} entry={entry} reversible={reversible} />
                ))}
              </View>
            )}
          </>
        )}
      </Loaded>
    </View>
  )
}
