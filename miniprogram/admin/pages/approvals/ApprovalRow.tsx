import type { ApprovalView } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { FormField } from '../../components/FormField'
import { useApprovalsStore } from '../../stores/approvalsStore'

/** The member as the manager recognises them: the nickname, with the number to tell namesakes apart. */
const memberOf = (approval: ApprovalView) =>
  approval.memberNickname === null ? approval.memberId : `${approval.memberNickname}（${approval.memberId}）`

/** The reason a rejection needs (the contract's limit: 100 characters), then 确认驳回. */
function RejectPanel({ approval }: { approval: ApprovalView }) {
  const id = approval.approvalId
  const reason = useApprovalsStore((store) => store.reasons[id] ?? '')
  const error = useApprovalsStore((store) => store.reasonErrors[id] || null)
  const busy = useApprovalsStore((store) => store.busyId !== null)
  const setReason = useApprovalsStore((store) => store.setReason)
  const decide = useApprovalsStore((store) => store.decide)
  return (
    <View className='admin-subcard' id={`approval-${id}-reject-panel`}>
      <FormField label='驳回原因' error={error} id={`approval-${id}-reason`}>
        <Input
          className={classNames('admin-input', error && 'admin-input--invalid')}
          id={`approval-${id}-reason`}
          value={reason}
          placeholder='例如：小票金额不符'
          onInput={(event) => setReason(id, event.detail.value)}
        />
      </FormField>
      <Button
        className='button button--primary'
        id={`approval-${id}-reject-confirm`}
        disabled={busy}
        onClick={() => void decide(id, 'reject')}
      >
        确认驳回
      </Button>
    </View>
  )
}

/** A pending request: who asked, for which member, how much, when, until when; 批准 and 驳回. */
export function ApprovalRow({ approval }: { approval: ApprovalView }) {
  const id = approval.approvalId
  const [rejecting, setRejecting] = useState(false)
  const busy = useApprovalsStore((store) => store.busyId === id)
  const anyBusy = useApprovalsStore((store) => store.busyId !== null)
  const decide = useApprovalsStore((store) => store.decide)
  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: '批准消费',
      content: `批准 ${approval.clerkName} 为会员 ${memberOf(approval)} 记录的 ${formatFen(approval.amountFen)} 消费？批准后积分立即发放。`,
      confirmText: '批准',
    })
    if (confirm) await decide(id, 'approve')
  }
  return (
    <View className='admin-row admin-approval' id={`approval-${id}`}>
      <Text className='admin-link__title' id={`approval-${id}-amount`}>
        {`${formatFen(approval.amountFen)} · ${approval.clerkName}`}
      </Text>
      <Text className='admin-link__note' id={`approval-${id}-member`}>
        {`会员 ${memberOf(approval)}${approval.receiptNo === null ? '' : ` · 小票号 ${approval.receiptNo}`}`}
      </Text>
      <Text className='admin-link__note' id={`approval-${id}-times`}>
        {`提交于 ${formatDateTime(approval.requestedAtMs)} · ${formatDateTime(approval.expiresAtMs)} 前有效`}
      </Text>
      <View className='admin-choices'>
        <Button
          className='button button--primary button--small'
          id={`approval-${id}-approve`}
          disabled={anyBusy}
          onClick={() => void approve()}
        >
          {busy ? '处理中…' : '批准'}
        </Button>
        <Button className='button button--small' id={`approval-${id}-reject`} onClick={() => setRejecting(!rejecting)}>
          驳回
        </Button>
      </View>
      {rejecting && <RejectPanel approval={approval} />}
    </View>
  )
}
