import { Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { FormField, TextField } from '../../components/FormField'
import { useTemplateEditorStore } from '../../stores/templateEditorStore'
import type { TemplateForm, TemplateFormField } from '../../utils/templateForm'

type TextFieldName = Exclude<TemplateFormField, 'kind' | 'validityKind'>

function TextInput({ field, label, placeholder }: { field: TextFieldName; label: string; placeholder?: string }) {
  const value = useTemplateEditorStore((store) => store.form[field])
  const error = useTemplateEditorStore((store) => store.errors[field])
  const edit = useTemplateEditorStore((store) => store.edit)
  const onInput = (text: string) => edit(field, text)
  return (
    <TextField
      id={`template-form-${field}`}
      label={label}
      value={value}
      error={error}
      placeholder={placeholder}
      onInput={onInput}
    />
  )
}

/** A choice among a few values (类型, 有效期), each a tappable chip `template-form-<field>-<value>`. */
function Choice<Field extends 'kind' | 'validityKind'>(props: {
  field: Field
  label: string
  choices: readonly { value: TemplateForm[Field]; text: string }[]
}) {
  const selected = useTemplateEditorStore((store) => store.form[props.field])
  const edit = useTemplateEditorStore((store) => store.edit)
  return (
    <FormField label={props.label} error={null} id={`template-form-${props.field}`}>
      <View className='admin-choices'>
        {props.choices.map((choice) => (
          <Text
            key={choice.value}
            className={classNames('admin-choice', choice.value === selected && 'admin-choice--selected')}
            id={`template-form-${props.field}-${choice.value}`}
            onClick={() => edit(props.field, choice.value)}
          >
            {choice.text}
          </Text>
        ))}
      </View>
    </FormField>
  )
}

const KINDS = [
  { value: 'cashOff', text: '满减券' },
  { value: 'percentOff', text: '折扣券' },
  { value: 'exchange', text: '兑换券' },
] as const
const VALIDITIES = [
  { value: 'afterIssue', text: '领取后 N 天' },
  { value: 'fixed', text: '固定日期' },
] as const

function BenefitFields() {
  const kind = useTemplateEditorStore((store) => store.form.kind)
  switch (kind) {
    case 'cashOff':
      return (
        <>
          <TextInput field='amountOff' label='减免金额（元）' />
          <TextInput field='minSpend' label='使用门槛（元）' placeholder='留空表示无门槛' />
        </>
      )
    case 'percentOff':
      return (
        <>
          <TextInput field='discount' label='折扣' placeholder='8.5 表示 8.5 折' />
          <TextInput field='maxDiscount' label='最高减免（元）' placeholder='留空表示不封顶' />
          <TextInput field='minSpend' label='使用门槛（元）' placeholder='留空表示无门槛' />
        </>
      )
    case 'exchange':
      return (
        <>
          <TextInput field='itemName' label='兑换商品' />
          <TextInput field='amountOff' label='商品价值（元）' placeholder='最多抵扣的金额' />
        </>
      )
  }
}

/** The template's fields; the id only while creating it. */
export function TemplateFields({ creating }: { creating: boolean }) {
  const validityKind = useTemplateEditorStore((store) => store.form.validityKind)
  return (
    <View className='admin-card admin-form' id='template-form'>
      {creating && <TextInput field='id' label='模板编号' placeholder='小写字母、数字、- 或 _，如 ten-off-fifty' />}
      <TextInput field='title' label='标题' />
      <TextInput field='description' label='说明' />
      <Choice field='kind' label='类型' choices={KINDS} />
      <BenefitFields />
      <Choice field='validityKind' label='有效期' choices={VALIDITIES} />
      {validityKind === 'afterIssue' ? (
        <TextInput field='days' label='有效天数' placeholder='发放当天算第 1 天' />
      ) : (
        <>
          <TextInput field='validFrom' label='生效时间' placeholder='2026-05-01 00:00' />
          <TextInput field='validUntil' label='失效时间' placeholder='2026-06-01 00:00' />
        </>
      )}
      <TextInput field='totalQuantity' label='发放总量' placeholder='留空表示不限' />
      <TextInput field='perMemberLimit' label='每人限领' />
      <TextInput field='tierIds' label='限定等级 id' placeholder='多个用逗号分隔，留空表示所有等级' />
      <TextInput field='storeIds' label='限定门店编号' placeholder='多个用逗号分隔，留空表示所有门店' />
      <TextInput field='claimStartsAt' label='开始领取' placeholder='留空表示随时可领' />
      <TextInput field='claimEndsAt' label='结束领取' placeholder='留空表示随时可领' />
    </View>
  )
}
