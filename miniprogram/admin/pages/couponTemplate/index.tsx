import type { AdminCouponTemplateView } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { navigate, redirect } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AdminGate } from '../../components/AdminGate'
import { AdminNotice } from '../../components/AdminNotice'
import { selectTemplate, useCouponTemplatesStore } from '../../stores/couponTemplatesStore'
import { NEW_TEMPLATE, useTemplateEditorStore } from '../../stores/templateEditorStore'
import { issuedText } from '../../utils/templateText'
import { TemplateFields } from './TemplateFields'
import '../../admin.css'

/** An existing template's figures, its status and the way to 发券. */
function TemplateActions({ template }: { template: AdminCouponTemplateView }) {
  const busy = useTemplateEditorStore((store) => store.busy)
  const setRetired = useTemplateEditorStore((store) => store.setRetired)
  const retired = template.status === 'retired'
  return (
    <View className='admin-card admin-form' id='template-status'>
      <Text className='admin-card__note' id='template-issued'>
        {`${issuedText(template)} · ${retired ? '已停发' : '发放中'}`}
      </Text>
      <View className='admin-inline'>
        <Button
          className={classNames('button button--small', busy !== null && 'button--disabled')}
          id={retired ? 'template-restore' : 'template-retire'}
          disabled={busy !== null}
          onClick={() => void setRetired(template.id, !retired)}
        >
          {retired ? '恢复发放' : '停止发放'}
        </Button>
        {!retired && (
          <Button
            className='button button--small'
            id='template-issue'
            onClick={() => void navigate('adminCouponIssue', { templateId: template.id })}
          >
            发券
          </Button>
        )}
      </View>
    </View>
  )
}

function SaveBar({ creating }: { creating: boolean }) {
  const busy = useTemplateEditorStore((store) => store.busy)
  const notice = useTemplateEditorStore((store) => store.notice)
  const save = useTemplateEditorStore((store) => store.save)
  // A new template, once created, is edited at its own address: a second 保存 must update it.
  const submit = async () => {
    const template = await save()
    if (template !== null && creating) await redirect('adminCouponTemplate', { id: template.id })
  }
  return (
    <View className='admin-save'>
      <AdminNotice id='template-notice' notice={notice} />
      <Button
        className={classNames('button button--primary', busy !== null && 'button--disabled')}
        id='template-save'
        disabled={busy !== null}
        onClick={() => void submit()}
      >
        {creating ? '创建模板' : '保存'}
      </Button>
    </View>
  )
}

function Editor({ templateId }: { templateId: string | null }) {
  const state = useCouponTemplatesStore((store) => store.state)
  const load = useCouponTemplatesStore((store) => store.load)
  const ensureLoaded = useCouponTemplatesStore((store) => store.ensureLoaded)
  const open = useTemplateEditorStore((store) => store.open)
  const formIsThisTemplates = useTemplateEditorStore((store) => store.openedFor === (templateId ?? NEW_TEMPLATE))
  usePageData(ensureLoaded)
  const template = templateId === null ? null : selectTemplate(state, templateId)
  const ready = state.status === 'ready'
  useEffect(() => {
    if (ready) open(templateId === null ? null : selectTemplate(useCouponTemplatesStore.getState().state, templateId))
  }, [ready, templateId, open])
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='仅限品牌管理员编辑模板' />}>
      {() =>
        templateId !== null && template === null ? (
          <LoadState state='empty' message='没有这个优惠券模板' />
        ) : !formIsThisTemplates ? (
          <LoadState state='loading' />
        ) : (
          <>
            {template !== null && <TemplateActions template={template} />}
            <TemplateFields creating={template === null} />
            <SaveBar creating={template === null} />
          </>
        )
      }
    </Loaded>
  )
}

/** 编辑优惠券模板: a template's fields, each problem next to its field; retire or restore it. Admins. */
export default function AdminCouponTemplatePage() {
  const templateId = useRouteQuery('adminCouponTemplate').id ?? null
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin']} refusal='仅限品牌管理员编辑模板'>
        {() => <Editor templateId={templateId} />}
      </AdminGate>
    </PageShell>
  )
}
