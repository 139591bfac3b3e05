import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import { Text, View } from '@tarojs/components'
import { TierLadder } from '@/components/TierLadder'
import './index.css'

/** Home: the brand and the tiers of its programme. The member card replaces it in the member journey. */
export default function HomePage() {
  return (
    <View className='home'>
      <Text id='brand-name' className='home__brand'>
        {DEMO_PROGRAMME.brandName}
      </Text>
      <Text className='home__subtitle'>会员等级与权益</Text>
      <TierLadder tiers={DEMO_PROGRAMME.tiers} />
    </View>
  )
}
