import { View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { KEYPAD_KEYS, type KeypadKey } from '../utils/keypadAmount'
import './Keypad.css'

const KEY_LABELS: Partial<Record<KeypadKey, string>> = { dot: '.', delete: '删除' }

/** The counter's numeric keypad for an amount in yuan; ids `keypad-<digit>`, `keypad-dot`, `keypad-delete`. */
export function Keypad({ disabled, onPress }: { disabled: boolean; onPress: (key: KeypadKey) => void }) {
  return (
    <View className={classNames('keypad', disabled && 'keypad--disabled')} id='keypad'>
      {KEYPAD_KEYS.map((key) => (
        <View
          key={key}
          className={classNames('keypad__key', key === 'delete' && 'keypad__key--delete')}
          id={`keypad-${key}`}
          onClick={() => {
            if (!disabled) onPress(key)
          }}
        >
          {KEY_LABELS[key] ?? key}
        </View>
      ))}
    </View>
  )
}
