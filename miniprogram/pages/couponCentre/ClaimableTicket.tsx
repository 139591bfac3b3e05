import type { ClaimableTemplate } from '@shared/contracts'
import { Button } from '@tarojs/components'
import { CouponTicket } from '@/components/CouponTicket'
import { classNames } from '@/utils/classNames'
import { templateValidityText } from '@/utils/couponText'
import { type TierName, tierNamesText } from '@/utils/mallText'

function termsOf(template: ClaimableTemplate, tiers: readonly TierName[]): string[] {
  const lines = [templateValidityText(template.validity)]
  if (template.remaining !== null) lines.push(`剩余 ${template.remaining} 张`)
  lines.push(`每人限领 ${template.perMemberLimit} 张，已领 ${template.claimedByMember} 张`)
  if (template.tierIds.length > 0) lines.push(`仅限${tierNamesText(template.tierIds, tiers)}领取`)
  return lines
}

function claimButtonText(template: ClaimableTemplate, claiming: boolean): string {
  if (claiming) return '领取中…'
  switch (template.reason) {
    case null:
      return '领取'
    case 'SOLD_OUT':
      return '已领完'
    case 'LIMIT_REACHED':
      return '已领取'
    case 'TIER_REQUIRED':
      return '等级不足'
    case 'CLAIM_NOT_OPEN':
      return '未开放'
  }
}

/** One template of the claim centre: its terms and its 领取 button, which waits while any claim is on its way. */
export function ClaimableTicket(props: {
  template: ClaimableTemplate
  tiers: readonly TierName[]
  /** The template being claimed, if any. */
  claiming: string | null
  onClaim: () => void
}) {
  const { template } = props
  const enabled = template.canClaim && props.claiming === null
  return (
    <CouponTicket
      id={`template-${template.templateId}`}
      title={template.title}
      benefit={template.benefit}
      lines={termsOf(template, props.tiers)}
      muted={!template.canClaim}
      aside={
        <Button
          className={classNames('button button--small centre-page__claim', !enabled && 'button--disabled')}
          id={`claim-${template.templateId}`}
          disabled={!enabled}
          onClick={props.onClaim}
        >
          {claimButtonText(template, props.claiming === template.templateId)}
        </Button>
      }
    />
  )
}
