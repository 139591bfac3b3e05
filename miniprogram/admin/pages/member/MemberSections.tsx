import type { MemberDetail } from '@shared/contracts'
import type { OrderStatus } from '@shared/mall/order'
import { Text, View } from '@tarojs/components'
import { auditActionText, auditDetailText } from '@/staff/utils/staffText'
import { benefitText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import { MemberLedger } from './MemberLedger'
import { Line, Section } from './SectionCard'

const COUPON_STATES: Readonly<Record<MemberDetail['coupons'][number]['state'], string>> = {
  available: '可使用',
  notYetValid: '未生效',
  used: '已使用',
  expired: '已过期',
}

const ORDER_STATES: Readonly<Record<OrderStatus, string>> = {
  awaitingPickup: '待领取',
  pickedUp: '已领取',
  cancelled: '已取消',
}

function grantText(grant: NonNullable<MemberDetail['grantedTier']>): string {
  const until = grant.endsOn ?? formatDateTime(grant.untilMs)
  const by = grant.grantedByName ?? grant.grantedBy
  return `${grant.tier.name} · 至 ${until}${grant.active ? '' : '（已结束）'} · ${by}：${grant.reason}`
}

/** The card figures and the tier: held, earned, and the grant by hand with its last day and who made it. */
export function CardFigures({ detail }: { detail: MemberDetail }) {
  const { member } = detail
  return (
    <View className='admin-card' id='member-card'>
      <Text className='admin-card__title'>{`${member.nickname ?? '未设置昵称'}（${member.memberId}）`}</Text>
      <Line id='member-phone' text={`手机号 ${member.phoneNumber ?? '未绑定'}`} />
      <Line id='member-balance' text={`可用积分 ${detail.balance} · 已过期 ${detail.expiredPoints}`} />
      <Line
        id='member-tier'
        text={`当前等级 ${member.tier.name} · 成长值 ${member.growth} · 成长等级 ${detail.earnedTier.name}`}
      />
      <Line
        id='member-grant'
        text={detail.grantedTier === null ? '无手动授予等级' : `手动授予：${grantText(detail.grantedTier)}`}
      />
      <Line
        id='member-birthday'
        text={`生日 ${detail.birthday ?? '未填写'} · 入会 ${formatDateTime(member.joinedAtMs)}`}
      />
    </View>
  )
}

/** Lots, history, coupons, orders and staff actions, newest first as the function answers them. */
export function MemberLists({ detail }: { detail: MemberDetail }) {
  return (
    <>
      <Section
        id='member-lots'
        title='积分批次'
        empty='没有可用积分'
        lines={detail.lots.map((lot, index) => (
          <Line
            key={lot.expiresAtMs ?? 'never'}
            id={`member-lot-${index}`}
            text={`${lot.amount} 积分 · ${lot.expiresAtMs === null ? '永久有效' : `${formatDateTime(lot.expiresAtMs)} 过期`}`}
          />
        ))}
      />
      <MemberLedger detail={detail} />
      <Section
        id='member-coupons'
        title='优惠券'
        empty='没有优惠券'
        lines={detail.coupons.map((coupon) => (
          <Line
            key={coupon.id}
            id={`member-coupon-${coupon.id}`}
            text={`${coupon.title} · ${benefitText(coupon.benefit)} · ${COUPON_STATES[coupon.state]} · 至 ${formatDateTime(coupon.validUntilMs)}`}
          />
        ))}
      />
      <Section
        id='member-orders'
        title='兑换订单'
        empty='没有兑换订单'
        lines={detail.orders.map((order) => (
          <Line
            key={order.id}
            id={`member-order-${order.id}`}
            text={`${formatDateTime(order.createdAtMs)} · ${order.title} · ${order.pointsSpent} 积分 · ${ORDER_STATES[order.status]}`}
          />
        ))}
      />
      <Section
        id='member-staff-actions'
        title='员工操作'
        empty='没有员工操作记录'
        lines={detail.staffActions.map((entry) => (
          <Line
            key={entry.id}
            id={`member-action-${entry.id}`}
            text={`${formatDateTime(entry.createdAtMs)} · ${auditActionText(entry.action)} · ${auditDetailText(entry)}`}
          />
        ))}
      />
    </>
  )
}
