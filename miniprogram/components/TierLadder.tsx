import type { PublicTier } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import './TierColours.css'
import './TierLadder.css'

export interface TierLadderProps {
  readonly tiers: readonly PublicTier[]
  /** The member's tier, marked as theirs; absent for visitors. */
  readonly currentTierId?: string
}

/** The programme's tiers from the entry tier up, with the growth each needs and its benefits. */
export function TierLadder({ tiers, currentTierId }: TierLadderProps) {
  return (
    <View className='tier-ladder'>
      {tiers.map((tier, rank) => (
        <View
          key={tier.id}
          id={`tier-${tier.id}`}
          className={`tier-ladder__tier tier-ladder__tier--rank-${rank} tier-colours--rank-${rank}${tier.id === currentTierId ? ' tier-ladder__tier--current' : ''}`}
        >
          <View className='tier-ladder__heading'>
            <Text className='tier-ladder__name'>{tier.name}</Text>
            {tier.id === currentTierId && <Text className='tier-ladder__current'>当前等级</Text>}
            <Text className='tier-ladder__threshold'>
              {tier.growthThreshold === 0 ? '入会即享' : `成长值 ${tier.growthThreshold}`}
            </Text>
          </View>
          {tier.benefits.map((benefit) => (
            <Text key={benefit} className='tier-ladder__benefit'>
              {benefit}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
