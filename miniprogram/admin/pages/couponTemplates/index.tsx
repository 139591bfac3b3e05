import type { AdminCouponTemplateView, StaffMe } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { benefitText, templateValidityText } from '@/utils/couponText'
import { AdminGate } from '../../components/AdminGate'
import { useCouponTemplatesStore } from '../../stores/couponTemplatesStore'
import { issuedText } from '../../utils/templateText'
import '../../admin.css'

function TemplateRow({ template, editable }: { template: AdminCouponTemplateView; editable: boolean }) {
  const retired = template.status === 'retired'
  // Admins open the form; managers, who cannot edit, open 发券 with the template chosen.
  const open = () =>
    editable
      ? void navigate('adminCouponTemplate', { id: template.id })
      : void navigate('adminCouponIssue', { templateId: template.id })
  return (
    <View
      className={classNames('admin-link', retired && 'admin-item--retired')}
      id={`admin-template-${template.id}`}
      onClick={() => {
        if (!retired || editable) open()
      }}
    >
      <View className='admin-link__text'>
        <Text className='admin-link__title'>{template.title}</Text>
        <Text className='admin-link__note'>{`${template.id} · ${benefitText(template.benefit)}`}</Text>
        <Text className='admin-link__note'>{templateValidityText(template.validity)}</Text>
        <Text className='admin-link__note' id={`admin-template-${template.id}-issued`}>
          {`${issuedText(template)} · 每人限领 ${template.perMemberLimit}`}
        </Text>
      </View>
      <Text className={classNames('admin-item__status', retired && 'admin-item__status--retired')}>
        {retired ? '已停发' : '发放中'}
      </Text>
    </View>
  )
}

function Templates({ staff }: { staff: StaffMe }) {
  const state = useCouponTemplatesStore((store) => store.state)
  const load = useCouponTemplatesStore((store) => store.load)
  usePageData(load)
  const editable = staff.role === 'admin'
  const actions = (
    <View className='admin-inline admin-create'>
      {editable && (
        <Button
          className='button button--primary'
          id='admin-template-create'
          onClick={() => void navigate('adminCouponTemplate')}
        >
          新建模板
        </Button>
      )}
      <Button className='button' id='admin-template-issue' onClick={() => void navigate('adminCouponIssue')}>
        发券
      </Button>
    </View>
  )
  return (
    <>
      {!editable && (
        <Text className='admin-card__note admin-read-only'>店长可查看模板并向本店会员发券，修改请联系品牌管理员</Text>
      )}
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}
        empty={{ when: (data) => data.templates.length === 0, text: '还没有优惠券模板', action: editable && actions }}
      >
        {(data) => (
          <View className='admin-links' id='admin-templates'>
            {data.templates.map((template) => (
              <TemplateRow key={template.id} template={template} editable={editable} />
            ))}
          </View>
        )}
      </Loaded>
      {state.status === 'ready' && state.data.templates.length > 0 && actions}
    </>
  )
}

/** 优惠券模板: every template, retired ones too, with what has been issued; admins edit, both issue. */
export default function AdminCouponTemplatesPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {(staff) => <Templates staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}
