import { formatFen } from '@shared/money'
import { Button, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { approvalRequestFailureText } from '@/utils/refusals'
import { type ApprovalRequestState, useMemberPanelStore } from '../../stores/memberPanelStore'

type SubmittedRequest = Extract<ApprovalRequestState, { status: 'submitted' }>

/** The submitted request: pending with the manager, for the amount the clerk entered. */
function Submitted({ request, onNext }: { request: SubmittedRequest; onNext: () => void }) {
  const { approval } = request
  return (
    <View className='panel-approval__pending' id='purchase-approval-pending'>
      <Text className='panel-approval__title' id='purchase-approval-title'>
        已提交店长审批
      </Text>
      <Text className='panel-result__line' id='purchase-approval-amount'>
        {`消费 ${formatFen(approval.amountFen)} 待店长审批，批准后积分自动发放`}
      </Text>
      {approval.receiptNo !== null && <Text className='panel-result__line'>{`小票号 ${approval.receiptNo}`}</Text>}
      <Text className='panel-result__line'>{`${formatDateTime(approval.expiresAtMs)} 前有效`}</Text>
      {request.replayed && <Text className='panel-result__line'>该笔消费此前已提交，未重复提交</Text>}
      <Button className='button button--small' id='purchase-approval-next' onClick={onNext}>
        继续记录
      </Button>
    </View>
  )
}

/**
 * 提交店长审批, under a purchase refused for the clerk's limits: submits it as it was sent, once (the
 * button stays disabled while it is on its way and after it went through), and says how it went.
 */
export function ApprovalRequest() {
  const overLimit = useMemberPanelStore((store) => store.overLimit)
  const request = useMemberPanelStore((store) => store.approvalRequest)
  const requestApproval = useMemberPanelStore((store) => store.requestApproval)
  const startNext = useMemberPanelStore((store) => store.startNext)
  if (overLimit === null) return null
  const submitting = request.status === 'submitting'
  const locked = submitting || request.status === 'submitted'
  return (
    <View className='panel-approval'>
      {request.status === 'submitted' && <Submitted request={request} onNext={startNext} />}
      {request.status === 'failed' && (
        <Text className='panel-error' id='purchase-approval-error'>
          {approvalRequestFailureText(request.code, request.message)}
        </Text>
      )}
      <Button
        className={classNames('button button--primary', locked && 'button--disabled')}
        id='purchase-approval-submit'
        disabled={locked}
        onClick={() => void requestApproval()}
      >
        {submitting ? '提交中…' : request.status === 'submitted' ? '已提交' : '提交店长审批'}
      </Button>
    </View>
  )
}
