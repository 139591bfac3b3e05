import type { MemberActionLimits } from '@shared/contracts'
import { addDays } from '@shared/time/calendarDay'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { FormField } from '../../components/FormField'
import { type MemberForms, type MemberWrite, useMemberWritesStore } from '../../stores/memberWritesStore'

function FormInput<Write extends MemberWrite>(props: {
  write: Write
  field: keyof MemberForms[Write] & string
  label: string
  placeholder?: string
}) {
  const { write, field } = props
  const value = useMemberWritesStore((store) => (store.forms[write] as Record<string, string>)[field] ?? '')
  const error = useMemberWritesStore((store) => store.errors[write][field])
  const edit = useMemberWritesStore((store) => store.edit)
  const id = `member-${write}-${field}`
  return (
    <FormField label={props.label} error={error} id={id}>
      <Input
        className={classNames('admin-input', error && 'admin-input--invalid')}
        id={id}
        value={value}
        placeholder={props.placeholder ?? ''}
        onInput={(event) => edit(write, field, event.detail.value)}
      />
    </FormField>
  )
}

/** The form's button and, under it, what the last attempt of this form came to. */
function Submit({ write, text, onClick }: { write: MemberWrite; text: string; onClick: () => unknown }) {
  const busy = useMemberWritesStore((store) => store.busy)
  const notice = useMemberWritesStore((store) => (store.notice?.write === write ? store.notice : null))
  return (
    <View className='admin-save'>
      {notice !== null && (
        <Text
          className={classNames('admin-notice', notice.tone === 'failed' && 'admin-notice--failed')}
          id={`member-${write}-notice`}
        >
          {notice.text}
        </Text>
      )}
      <Button
        className={classNames('button button--primary', busy !== null && 'button--disabled')}
        id={`member-${write}-submit`}
        disabled={busy !== null}
        onClick={() => void onClick()}
      >
        {text}
      </Button>
    </View>
  )
}

export function AdjustForm({ limits }: { limits: MemberActionLimits }) {
  const adjust = useMemberWritesStore((store) => store.adjustPoints)
  return (
    <View className='admin-card admin-form' id='member-adjust'>
      <Text className='admin-card__title'>积分调整</Text>
      <FormInput
        write='adjust'
        field='amount'
        label={`调整积分（单次最多 ${limits.adjustmentPointsMax}）`}
        placeholder='+50 增加，-20 扣减'
      />
      <FormInput write='adjust' field='reason' label='调整原因（会员可见）' />
      <Submit write='adjust' text='确认调整' onClick={adjust} />
    </View>
  )
}

export function BirthdayForm() {
  const correct = useMemberWritesStore((store) => store.correctBirthday)
  return (
    <View className='admin-card admin-form' id='member-birthday-form'>
      <Text className='admin-card__title'>生日更正</Text>
      <FormInput write='birthday' field='birthday' label='生日（MM-DD，留空为清除）' placeholder='05-20' />
      <FormInput write='birthday' field='reason' label='更正原因' />
      <Submit write='birthday' text='确认更正' onClick={correct} />
    </View>
  )
}

function TierChoice({ limits }: { limits: MemberActionLimits }) {
  const chosen = useMemberWritesStore((store) => store.forms.grant.tierId)
  const error = useMemberWritesStore((store) => store.errors.grant.tierId)
  const edit = useMemberWritesStore((store) => store.edit)
  return (
    <FormField label='等级' error={error} id='member-grant-tierId'>
      <View className='admin-choices'>
        {limits.grantableTiers.map((tier) => (
          <Text
            key={tier.id}
            className={classNames('admin-choice', tier.id === chosen && 'admin-choice--selected')}
            id={`member-grant-tier-${tier.id}`}
            onClick={() => edit('grant', 'tierId', tier.id)}
          >
            {tier.name}
          </Text>
        ))}
      </View>
    </FormField>
  )
}

function LastDayPicker({ limits }: { limits: MemberActionLimits }) {
  const endsOn = useMemberWritesStore((store) => store.forms.grant.endsOn)
  const error = useMemberWritesStore((store) => store.errors.grant.endsOn)
  const edit = useMemberWritesStore((store) => store.edit)
  return (
    <FormField label={`最后一天（最长 ${limits.tierGrantDaysMax} 天后）`} error={error} id='member-grant-endsOn'>
      <Picker
        mode='date'
        id='member-grant-endsOn'
        value={endsOn || limits.today}
        start={limits.today}
        end={addDays(limits.today, limits.tierGrantDaysMax)}
        onChange={(event) => edit('grant', 'endsOn', event.detail.value)}
      >
        <Text className='admin-input'>{endsOn === '' ? '选择日期 ›' : endsOn}</Text>
      </Picker>
    </FormField>
  )
}

/** 手动授予等级: shown only when the caller's role may grant some tier; 取消授予 when a grant holds. */
export function GrantForm({ limits, granted }: { limits: MemberActionLimits; granted: boolean }) {
  const grant = useMemberWritesStore((store) => store.grantTier)
  return (
    <View className='admin-card admin-form' id='member-grant'>
      <Text className='admin-card__title'>手动授予等级</Text>
      <TierChoice limits={limits} />
      <LastDayPicker limits={limits} />
      <FormInput write='grant' field='reason' label='授予原因' />
      <Submit write='grant' text='确认授予' onClick={() => grant(false)} />
      {granted && (
        <Button className='button' id='member-grant-revoke' onClick={() => void grant(true)}>
          取消授予
        </Button>
      )}
    </View>
  )
}
