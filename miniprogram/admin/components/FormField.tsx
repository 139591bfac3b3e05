import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { classNames } from '@/utils/classNames'

/** A labelled field with its problem, in Chinese, right under it (`<id>-error`). */
export function FormField(props: { label: string; error: string | null | undefined; id: string; children: ReactNode }) {
  return (
    <View className='admin-field'>
      <Text className='admin-field__label'>{props.label}</Text>
      {props.children}
      {props.error && (
        <Text className='admin-field__error' id={`${props.id}-error`}>
          {props.error}
        </Text>
      )}
    </View>
  )
}

/** A labelled one-line text input, outlined red while its problem shows; the forms' stores hold the text. */
export function TextField(props: {
  id: string
  label: string
  value: string
  error: string | null | undefined
  placeholder?: string | undefined
  disabled?: boolean
  onInput: (text: string) => void
}) {
  return (
    <FormField label={props.label} error={props.error} id={props.id}>
      <Input
        className={classNames('admin-input', props.error && 'admin-input--invalid')}
        id={props.id}
        value={props.value}
        disabled={props.disabled ?? false}
        placeholder={props.placeholder ?? ''}
        onInput={(event) => props.onInput(event.detail.value)}
      />
    </FormField>
  )
}
