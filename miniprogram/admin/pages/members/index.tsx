import type { MemberSummary } from '@shared/contracts'
import { Button, Input, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AdminGate } from '../../components/AdminGate'
import { FormField } from '../../components/FormField'
import { useMemberSearchStore } from '../../stores/memberSearchStore'
import '../../admin.css'

function MemberRow({ member }: { member: MemberSummary }) {
  return (
    <View
      className='admin-link'
      id={`admin-member-${member.memberId}`}
      onClick={() => void navigate('adminMember', { id: member.memberId })}
    >
      <View className='admin-link__text'>
        <Text className='admin-link__title'>{member.nickname ?? '未设置昵称'}</Text>
        <Text className='admin-link__note'>{`${member.memberId} · ${member.phoneNumber ?? '未绑定手机号'}`}</Text>
      </View>
      <Text className='admin-link__note' id={`admin-member-${member.memberId}-figures`}>
        {`${member.tier.name} · ${member.usablePoints} 积分`}
      </Text>
    </View>
  )
}

function SearchBox() {
  const query = useMemberSearchStore((store) => store.query)
  const error = useMemberSearchStore((store) => store.queryError)
  const setQuery = useMemberSearchStore((store) => store.setQuery)
  const search = useMemberSearchStore((store) => store.search)
  return (
    <View className='admin-card admin-form'>
      <FormField label='手机号、会员编号或昵称' error={error} id='member-search-query'>
        <Input
          className={classNames('admin-input', error && 'admin-input--invalid')}
          id='member-search-query'
          value={query}
          confirmType='search'
          onInput={(event) => setQuery(event.detail.value)}
          onConfirm={() => void search()}
        />
      </FormField>
      <Button className='button button--primary' id='member-search-submit' onClick={() => void search()}>
        搜索
      </Button>
    </View>
  )
}

function Results() {
  const state = useMemberSearchStore((store) => store.state)
  const search = useMemberSearchStore((store) => store.search)
  if (state.status === 'idle') return null
  return (
    <Loaded
      state={state}
      onRetry={search}
      refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}
      empty={{ when: (data) => data.members.length === 0, text: '没有找到会员' }}
    >
      {(data) => (
        <View className='admin-links' id='admin-members'>
          {data.members.map((member) => (
            <MemberRow key={member.memberId} member={member} />
          ))}
        </View>
      )}
    </Loaded>
  )
}

/** 会员: one search box (the function reads it as a phone, a member number or a nickname) and the members found. */
export default function AdminMembersPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {() => (
          <>
            <SearchBox />
            <Results />
          </>
        )}
      </AdminGate>
    </PageShell>
  )
}
