import { Text, View } from '@tarojs/components'
import { navigate } from '@/navigation'
import { useStaffAccessStore } from '@/stores/staffAccessStore'

const LINKS = [
  { id: 'profile-link-history', route: 'history', title: '积分明细' },
  { id: 'profile-link-orders', route: 'orders', title: '我的订单' },
  { id: 'profile-link-wallet', route: 'wallet', title: '我的卡券' },
  { id: 'profile-link-tiers', route: 'tiers', title: '会员权益' },
] as const

/** The member's ways on: history, orders, wallet and tiers. */
export function ProfileLinks() {
  return (
    <View className='profile-page__links'>
      {LINKS.map((link) => (
        <View key={link.id} className='profile-page__link' id={link.id} onClick={() => void navigate(link.route)}>
          <Text>{link.title}</Text>
          <Text className='profile-page__chevron'>›</Text>
        </View>
      ))}
    </View>
  )
}

/** 店员入口, shown only to bound staff (`staff.me`): the way to the counter. */
export function StaffEntry() {
  const staffAccess = useStaffAccessStore((store) => store.state)
  if (staffAccess.status !== 'ready') return null
  return (
    <View className='profile-page__links'>
      <View className='profile-page__link' id='profile-link-staff' onClick={() => void navigate('staffCounter')}>
        <Text>店员入口</Text>
        <Text className='profile-page__chevron'>›</Text>
      </View>
    </View>
  )
}
