import { Button, Text, View } from '@tarojs/components'
import { LoadState } from '@/components/LoadState'
import { navigate, relaunch } from '@/navigation'
import { useProgrammeStore } from '@/stores/programmeStore'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { opensAdminConsole } from '@/utils/adminAccess'

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

/**
 * 店员入口, shown only to bound staff (`staff.me`): the way to the counter; and 管理后台 under it
 * for managers and admins.
 */
export function StaffEntry() {
  const staffAccess = useStaffAccessStore((store) => store.state)
  if (staffAccess.status !== 'ready') return null
  return (
    <View className='profile-page__links'>
      <View className='profile-page__link' id='profile-link-staff' onClick={() => void navigate('staffCounter')}>
        <Text>店员入口</Text>
        <Text className='profile-page__chevron'>›</Text>
      </View>
      {opensAdminConsole(staffAccess.data.role) && (
        <View className='profile-page__link' id='profile-link-admin' onClick={() => void navigate('adminHome')}>
          <Text>管理后台</Text>
          <Text className='profile-page__chevron'>›</Text>
        </View>
      )}
    </View>
  )
}

function completionHintText(completionPoints: number): string {
  return completionPoints > 0
    ? `完善头像、昵称、生日和手机号，可得 ${completionPoints} 积分（仅一次）`
    : '完善头像、昵称、生日和手机号，可得积分奖励（仅一次）'
}

/** What a visitor who has not joined sees instead of a profile. */
export function JoinPrompt() {
  return (
    <View className='profile-page__join' id='profile-not-member'>
      <LoadState state='empty' message='加入会员后即可完善资料' />
      <Button
        className='button button--primary profile-page__join-button'
        id='profile-join'
        onClick={() => void relaunch('join')}
      >
        立即加入会员
      </Button>
    </View>
  )
}

/** How to earn the one-time completion reward, with its points once the programme is here. */
export function CompletionHint() {
  const completionPoints = useProgrammeStore((store) =>
    store.state.status === 'ready' ? store.state.data.profileCompletionPoints : 0,
  )
  return (
    <Text className='profile-page__hint' id='profile-completion-hint'>
      {completionHintText(completionPoints)}
    </Text>
  )
}
