import type { MemberCard } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import './GrowthProgress.css'

/** The growth bar toward the next tier, with how much growth is still missing. */
export function GrowthProgress({ card, tone = 'light' }: { card: MemberCard; tone?: 'light' | 'dark' }) {
  const percent = Math.min(100, Math.max(0, card.progressPercent))
  return (
    <View className={`growth-progress growth-progress--${tone}`} id='growth-progress'>
      <View className='growth-progress__track'>
        <View className='growth-progress__fill' style={{ width: `${percent}%` }} />
      </View>
      <Text className='growth-progress__caption' id='growth-progress-caption'>
        {card.nextTier === null
          ? `成长值 ${card.growth} · 已是最高等级`
          : `成长值 ${card.growth} · 再得 ${card.growthToNextTier} 成长值升级${card.nextTier.name}`}
      </Text>
    </View>
  )
}
