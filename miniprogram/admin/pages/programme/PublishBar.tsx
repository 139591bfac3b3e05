import { Button, Input, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { AdminNotice } from '../../components/AdminNotice'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'

/** The notice under the form: saved, published (live within a minute), or refused with the reason. */
export function ProgrammeNotice() {
  const notice = useProgrammeEditorStore((store) => store.notice)
  return <AdminNotice id='programme-notice' notice={notice} />
}

/** 保存草稿 and 发布 with a note; 基于当前版本 after a stale refusal. Admins. */
export function PublishBar() {
  const busy = useProgrammeEditorStore((store) => store.busy)
  const note = useProgrammeEditorStore((store) => store.note)
  const basedOn = useProgrammeEditorStore((store) => store.basedOnVersion)
  const live = useProgrammeEditorStore((store) => (store.state.status === 'ready' ? store.state.data.liveVersion : 0))
  const { setNote, save, publish, rebase } = useProgrammeEditorStore.getState()
  const disabled = busy !== null
  return (
    <View className='admin-save' id='programme-publish'>
      <ProgrammeNotice />
      {basedOn !== live && (
        <View className='admin-row' id='programme-stale'>
          <Text className='admin-field__error'>
            草稿基于第 {basedOn} 版，当前已是第 {live} 版：请查看历史版本后重新核对
          </Text>
          <Text className='admin-link-text' id='programme-rebase' onClick={() => void rebase()}>
            基于当前版本
          </Text>
        </View>
      )}
      <Input
        className='admin-input'
        id='programme-note'
        value={note}
        placeholder='发布说明（必填），如：银卡门槛调整为 300'
        onInput={(event) => setNote(event.detail.value)}
      />
      <Button
        className={classNames('button', disabled && 'button--disabled')}
        id='programme-save'
        disabled={disabled}
        onClick={() => void save()}
      >
        保存草稿
      </Button>
      <Button
        className={classNames('button button--primary', disabled && 'button--disabled')}
        id='programme-publish-submit'
        disabled={disabled}
        onClick={() => void publish()}
      >
        发布
      </Button>
    </View>
  )
}
