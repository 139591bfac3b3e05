import { Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { FormField, TextField } from '../../components/FormField'
import { useItemEditorStore } from '../../stores/itemEditorStore'
import type { ItemForm, ItemFormField } from '../../utils/itemForm'
import { ItemImageField } from './ItemImageField'

type TextFieldName = Exclude<ItemFormField, 'kind'>

function TextInput({ field, label, placeholder }: { field: TextFieldName; label: string; placeholder?: string }) {
  const value = useItemEditorStore((store) => store.form[field])
  const error = useItemEditorStore((store) => store.errors[field])
  const edit = useItemEditorStore((store) => store.edit)
  const onInput = (text: string) => edit(field, text)
  return (
    <TextField
      id={`item-form-${field}`}
      label={label}
      value={value}
      error={error}
      placeholder={placeholder}
      onInput={onInput}
    />
  )
}

const KINDS: readonly { kind: ItemForm['kind']; text: string }[] = [
  { kind: 'pickup', text: '到店自提礼品' },
  { kind: 'coupon', text: '优惠券' },
]

function KindChoice() {
  const kind = useItemEditorStore((store) => store.form.kind)
  const error = useItemEditorStore((store) => store.errors.kind)
  const edit = useItemEditorStore((store) => store.edit)
  return (
    <FormField label='类型' error={error} id='item-form-kind'>
      <View className='admin-choices'>
        {KINDS.map((choice) => (
          <Text
            key={choice.kind}
            className={classNames('admin-choice', choice.kind === kind && 'admin-choice--selected')}
            id={`item-form-kind-${choice.kind}`}
            onClick={() => edit('kind', choice.kind)}
          >
            {choice.text}
          </Text>
        ))}
      </View>
    </FormField>
  )
}

/** The item's editable fields; the id and the first stock only while creating it. */
export function ItemFields({ creating }: { creating: boolean }) {
  const kind = useItemEditorStore((store) => store.form.kind)
  return (
    <View className='admin-card admin-form' id='item-form'>
      {creating && <TextInput field='id' label='商品 id' placeholder='小写字母、数字、- 或 _，如 latte-cup' />}
      <TextInput field='title' label='标题' />
      <TextInput field='description' label='描述' />
      <KindChoice />
      {kind === 'coupon' && <TextInput field='couponTemplateId' label='优惠券模板 id' />}
      <TextInput field='pointsPrice' label='兑换积分' />
      {creating && <TextInput field='initialStock' label='初始库存' />}
      <TextInput field='perMemberLimit' label='每人限兑' placeholder='留空表示不限' />
      <TextInput field='tierIds' label='限定等级 id' placeholder='多个用逗号分隔，留空表示所有等级' />
      <TextInput field='saleStartsAt' label='开始兑换' placeholder='2026-05-01 09:30，留空表示立即' />
      <TextInput field='saleEndsAt' label='结束兑换' placeholder='2026-06-01 00:00，留空表示不限' />
      <ItemImageField />
    </View>
  )
}
