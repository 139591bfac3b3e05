import type { CouponBenefit } from '@shared/coupon'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { classNames } from '@/utils/classNames'
import { benefitText } from '@/utils/couponText'
import './CouponTicket.css'

export interface CouponTicketProps {
  readonly id: string
  readonly title: string
  readonly benefit: CouponBenefit
  /** Small lines under the title: validity, limits, tiers. */
  readonly lines: readonly string[]
  /** Greyed out: used or expired. */
  readonly muted?: boolean
  /** A stamp on the right (`已使用`) or a button. */
  readonly aside?: ReactNode
  readonly onClick?: () => void
}

/** A coupon drawn as a ticket: what it gives on the left, its title and terms on the right. */
export function CouponTicket({ id, title, benefit, lines, muted = false, aside, onClick }: CouponTicketProps) {
  return (
    <View
      className={classNames('coupon-ticket', muted && 'coupon-ticket--muted')}
      id={id}
      {...(onClick ? { onClick } : {})}
    >
      <View className='coupon-ticket__benefit'>
        <Text className='coupon-ticket__benefit-text'>{benefitText(benefit)}</Text>
      </View>
      <View className='coupon-ticket__body'>
        <Text className='coupon-ticket__title'>{title}</Text>
        {lines.map((line) => (
          <Text key={line} className='coupon-ticket__line'>
            {line}
          </Text>
        ))}
      </View>
      {aside !== undefined && <View className='coupon-ticket__aside'>{aside}</View>}
    </View>
  )
}
