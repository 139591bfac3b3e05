import { Text, View } from '@tarojs/components'
import { createContext, type ReactNode, useContext } from 'react'
import { classNames } from '@/utils/classNames'
import { FormField, TextField } from '../../components/FormField'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { errorAt, type FieldPath, listOf, textOf, valueAt, wholeNumberOrText } from '../../utils/programmeForm'

/** Whether the editor only shows the programme (managers). */
export const ReadOnly = createContext(false)

/** The element id of a field: `programme-tiers-1-growthThreshold`. */
export function fieldIdOf(path: FieldPath): string {
  return `programme-${path.map(String).join('-')}`
}

function useField(path: FieldPath) {
  const value = useProgrammeEditorStore((store) => valueAt(store.form, path))
  const error = useProgrammeEditorStore((store) => errorAt(store.errors, path))
  const edit = useProgrammeEditorStore((store) => store.edit)
  return { value, error, edit: (next: unknown) => edit(path, next), readOnly: useContext(ReadOnly) }
}

/** How a typed text becomes the field's value. */
const CONVERSIONS = {
  int: (text: string) => wholeNumberOrText(text),
  /** Empty means null (no cap, no coupon). */
  nullableInt: (text: string) => (text.trim() === '' ? null : wholeNumberOrText(text)),
  text: (text: string) => text,
  nullableText: (text: string) => (text.trim() === '' ? null : text.trim()),
  list: (text: string) => listOf(text),
  intList: (text: string) => listOf(text).map(wholeNumberOrText),
} as const

/** A typed field of the programme at `path`, with its problem next to it. */
export function ProgrammeField(props: {
  path: FieldPath
  label: string
  kind?: keyof typeof CONVERSIONS
  placeholder?: string
}) {
  const { value, error, edit, readOnly } = useField(props.path)
  const id = fieldIdOf(props.path)
  const convert = CONVERSIONS[props.kind ?? 'int']
  const shown = Array.isArray(value) ? value.join(', ') : textOf(value)
  return (
    <TextField
      id={id}
      label={props.label}
      value={shown}
      error={error}
      disabled={readOnly}
      placeholder={props.placeholder}
      onInput={(text) => edit(convert(text))}
    />
  )
}

/** One of a few values (`stack` / `highest`…). */
export function ProgrammeChoice<Value extends string>(props: {
  path: FieldPath
  label: string
  choices: readonly { readonly value: Value; readonly text: string }[]
  /** What choosing sets at `path` (a whole object for a union's `kind`); the value itself by default. */
  valueFor?: (choice: Value) => unknown
  /** The current choice from the value at `path`; the value itself by default. */
  selectedOf?: (value: unknown) => unknown
}) {
  const { value, error, edit, readOnly } = useField(props.path)
  const id = fieldIdOf(props.path)
  const selected = props.selectedOf ? props.selectedOf(value) : value
  return (
    <FormField label={props.label} error={error} id={id}>
      <View className='admin-choices'>
        {props.choices.map((choice) => (
          <Text
            key={choice.value}
            className={classNames('admin-choice', choice.value === selected && 'admin-choice--selected')}
            id={`${id}-${choice.value}`}
            onClick={() => {
              if (!readOnly && choice.value !== selected)
                edit(props.valueFor ? props.valueFor(choice.value) : choice.value)
            }}
          >
            {choice.text}
          </Text>
        ))}
      </View>
    </FormField>
  )
}

const ON_OFF = [
  { value: 'on', text: '开启' },
  { value: 'off', text: '关闭' },
] as const

/** An on/off field. */
export function ProgrammeToggle(props: { path: FieldPath; label: string }) {
  return (
    <ProgrammeChoice
      path={props.path}
      label={props.label}
      choices={ON_OFF}
      valueFor={(choice) => choice === 'on'}
      selectedOf={(value) => (value === true ? 'on' : 'off')}
    />
  )
}

/** A section of the editor: a card with its title and the problem of the section as a whole. */
export function Section(props: { id: string; title: string; path?: FieldPath; children: ReactNode }) {
  const error = useProgrammeEditorStore((store) => (props.path ? errorAt(store.errors, props.path) : undefined))
  return (
    <View className='admin-card admin-form' id={`programme-section-${props.id}`}>
      <Text className='admin-card__title'>{props.title}</Text>
      {error && (
        <Text className='admin-field__error' id={`programme-section-${props.id}-error`}>
          {error}
        </Text>
      )}
      {props.children}
    </View>
  )
}
