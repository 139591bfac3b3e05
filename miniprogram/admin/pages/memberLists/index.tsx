import type { MemberListPage, StaffMe } from '@shared/contracts'
import { Button, Input, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AdminGate } from '../../components/AdminGate'
import { Choices } from '../../components/Choices'
import { FormField } from '../../components/FormField'
import { StoreChoices } from '../../components/StoreChoices'
import { handMembersToIssue } from '../../stores/couponIssueStore'
import { useMemberListsStore } from '../../stores/memberListsStore'
import { MEMBER_LIST_OPTIONS, memberListOptionOf, reasonText } from '../../utils/memberListText'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

function ChosenStore() {
  const storeId = useMemberListsStore((store) => store.storeId)
  const chooseStore = useMemberListsStore((store) => store.chooseStore)
  return <StoreChoices id='member-list-store' chosen={storeId} onChoose={(id) => void chooseStore(id)} />
}

function ListChoice({ staff }: { staff: StaffMe }) {
  const list = useMemberListsStore((store) => store.list)
  const parameter = useMemberListsStore((store) => store.parameter)
  const error = useMemberListsStore((store) => store.parameterError)
  const chooseList = useMemberListsStore((store) => store.chooseList)
  const setParameter = useMemberListsStore((store) => store.setParameter)
  const load = useMemberListsStore((store) => store.load)
  const option = memberListOptionOf(list)
  return (
    <View className='admin-card admin-form'>
      <Choices
        id='member-lists'
        choices={MEMBER_LIST_OPTIONS}
        chosen={list}
        onChoose={(value) => void chooseList(value)}
      />
      {staff.role === 'admin' && <ChosenStore />}
      {option.parameter !== null && (
        <FormField label={option.parameter.label} error={error} id='member-list-parameter'>
          <Input
            className={classNames('admin-input', error && 'admin-input--invalid')}
            id='member-list-parameter'
            type='number'
            value={parameter}
            onInput={(event) => setParameter(event.detail.value)}
            onConfirm={() => void load()}
          />
        </FormField>
      )}
      <Button className='button button--primary' id='member-list-submit' onClick={() => void load()}>
        查看名单
      </Button>
    </View>
  )
}

function Rows({ page }: { page: MemberListPage }) {
  const starts = useMemberListsStore((store) => store.starts)
  const nextPage = useMemberListsStore((store) => store.nextPage)
  const previousPage = useMemberListsStore((store) => store.previousPage)
  const memberIds = page.rows.map((row) => row.member.memberId)
  const issue = () => {
    handMembersToIssue(memberIds)
    void navigate('adminCouponIssue', {})
  }
  return (
    <>
      <View className='admin-links' id='member-list-rows'>
        {page.rows.map(({ member, reason }) => (
          <View
            key={member.memberId}
            className='admin-link'
            id={`member-list-${member.memberId}`}
            onClick={() => void navigate('adminMember', { id: member.memberId })}
          >
            <View className='admin-link__text'>
              <Text className='admin-link__title'>{member.nickname ?? '未设置昵称'}</Text>
              <Text className='admin-link__note'>{`${member.memberId} · ${member.tier.name}`}</Text>
            </View>
            <Text className='admin-link__note' id={`member-list-${member.memberId}-reason`}>
              {reasonText(reason)}
            </Text>
          </View>
        ))}
      </View>
      <View className='admin-save'>
        <Button className='button button--primary' id='member-list-issue' onClick={issue}>
          {`给这 ${memberIds.length} 位会员发券`}
        </Button>
        {starts.length > 1 && (
          <Button className='button admin-create' id='member-list-previous' onClick={() => void previousPage()}>
            上一页
          </Button>
        )}
        {page.nextAfter !== null && (
          <Button className='button admin-create' id='member-list-next' onClick={() => void nextPage()}>
            下一页
          </Button>
        )}
      </View>
    </>
  )
}

function ListsScreen({ staff }: { staff: StaffMe }) {
  const state = useMemberListsStore((store) => store.state)
  const load = useMemberListsStore((store) => store.load)
  const reset = useMemberListsStore((store) => store.reset)
  usePageData(load, reset)
  return (
    <>
      <ListChoice staff={staff} />
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message={REFUSAL} />}
        empty={{ when: (page) => page.rows.length === 0, text: '名单里没有会员' }}
      >
        {(page) => <Rows page={page} />}
      </Loaded>
    </>
  )
}

/**
 * 会员名单: dormant members, birthdays this month, members close to the next tier, points expiring
 * soon; a page of a list goes to 发券 whole, as one idempotent bulk issue.
 */
export default function AdminMemberListsPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {(staff) => <ListsScreen staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}
