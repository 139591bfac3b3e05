import type { AdminCouponTemplateView, IssueCouponResult, StaffMe } from '@shared/contracts'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { classNames } from '@/utils/classNames'
import { benefitText } from '@/utils/couponText'
import { AdminGate } from '../../components/AdminGate'
import { FormField } from '../../components/FormField'
import { useCouponIssueStore } from '../../stores/couponIssueStore'
import { useCouponTemplatesStore } from '../../stores/couponTemplatesStore'
import { issuedText, outcomeText } from '../../utils/templateText'
import '../../admin.css'

function TemplateChoice({ templates }: { templates: readonly AdminCouponTemplateView[] }) {
  const chosen = useCouponIssueStore((store) => store.templateId)
  const error = useCouponIssueStore((store) => store.templateError)
  const choose = useCouponIssueStore((store) => store.chooseTemplate)
  const active = templates.filter((template) => template.status === 'active')
  return (
    <FormField label='优惠券模板' error={error} id='issue-template'>
      {active.length === 0 && <Text className='admin-card__note'>没有发放中的模板</Text>}
      <View className='admin-choices' id='issue-templates'>
        {active.map((template) => (
          <Text
            key={template.id}
            className={classNames('admin-choice', template.id === chosen && 'admin-choice--selected')}
            id={`issue-template-${template.id}`}
            onClick={() => choose(template.id)}
          >
            {`${template.title}（${benefitText(template.benefit)} · ${issuedText(template)}）`}
          </Text>
        ))}
      </View>
    </FormField>
  )
}

function MembersField({ limit }: { limit: string }) {
  const members = useCouponIssueStore((store) => store.members)
  const error = useCouponIssueStore((store) => store.membersError)
  const setMembers = useCouponIssueStore((store) => store.setMembers)
  return (
    <FormField label={`会员编号（每行一个，${limit}）`} error={error} id='issue-members'>
      <Textarea
        className={classNames('admin-input admin-textarea', error && 'admin-input--invalid')}
        id='issue-members'
        value={members}
        maxlength={-1}
        placeholder='m0123…，可从会员详情页复制'
        onInput={(event) => setMembers(event.detail.value)}
      />
    </FormField>
  )
}

function Outcomes({ result }: { result: IssueCouponResult }) {
  return (
    <View className='admin-card' id='issue-result'>
      <Text className='admin-card__title' id='issue-result-count'>
        {`已向 ${result.issuedCount} 位会员发放，共 ${result.outcomes.length} 位`}
      </Text>
      {result.outcomes.map((outcome) => (
        <Text
          key={outcome.memberId}
          className={classNames('admin-card__note', outcome.refusal !== null && 'admin-notice--failed')}
          id={`issue-outcome-${outcome.memberId}`}
        >
          {`${outcome.memberId}：${outcomeText(outcome)}`}
        </Text>
      ))}
    </View>
  )
}

function IssueForm({ staff }: { staff: StaffMe }) {
  const state = useCouponTemplatesStore((store) => store.state)
  const load = useCouponTemplatesStore((store) => store.load)
  const ensureLoaded = useCouponTemplatesStore((store) => store.ensureLoaded)
  const busy = useCouponIssueStore((store) => store.busy)
  const result = useCouponIssueStore((store) => store.result)
  const failure = useCouponIssueStore((store) => store.failure)
  const issue = useCouponIssueStore((store) => store.issue)
  usePageData(ensureLoaded)
  // Managers are held to the programme's limit by the function, which names it when refusing.
  const limit = staff.role === 'admin' ? '最多 200 位' : '仅限本店会员'
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}>
      {(data) => (
        <>
          <View className='admin-card admin-form' id='issue-form'>
            <TemplateChoice templates={data.templates} />
            <MembersField limit={limit} />
          </View>
          <View className='admin-save'>
            {failure !== null && (
              <Text className='admin-notice admin-notice--failed' id='issue-failure'>
                {failure}
              </Text>
            )}
            <Button
              className={classNames('button button--primary', busy && 'button--disabled')}
              id='issue-submit'
              disabled={busy}
              onClick={() => void issue()}
            >
              发放
            </Button>
          </View>
          {result !== null && <Outcomes result={result} />}
        </>
      )}
    </Loaded>
  )
}

/** 发券: one template to the members typed or pasted (or the one the route names), with each member's outcome. */
export default function AdminCouponIssuePage() {
  const query = useRouteQuery('adminCouponIssue')
  const open = useCouponIssueStore((store) => store.open)
  useEffect(() => {
    open({ templateId: query.templateId, memberId: query.memberId })
  }, [open, query.templateId, query.memberId])
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {(staff) => <IssueForm staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}
