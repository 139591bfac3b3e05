import { Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'

/** One option of a row of choices; `id` is the element's, for tests. */
export interface Choice<Value> {
  readonly id: string
  readonly value: Value
  readonly label: string
}

/** A row of tappable choices, the chosen one highlighted: the admin screens' small pickers. */
export function Choices<Value>(props: {
  id: string
  choices: readonly Choice<Value>[]
  chosen: Value
  onChoose: (value: Value) => void
}) {
  return (
    <View className='admin-choices' id={props.id}>
      {props.choices.map((choice) => (
        <Text
          key={choice.id}
          id={choice.id}
          className={classNames('admin-choice', choice.value === props.chosen && 'admin-choice--selected')}
          onClick={() => props.onChoose(choice.value)}
        >
          {choice.label}
        </Text>
      ))}
    </View>
  )
}
