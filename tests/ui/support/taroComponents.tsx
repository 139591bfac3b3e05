/**
 * DOM stand-ins for the Taro components pages use, forwarding what tests select and click by
 * (id, className, data-* attributes, onClick). Add a stand-in here when a page starts using a new
 * component.
 */
import type { CSSProperties, ReactNode } from 'react'

interface StandInProps {
  readonly id?: string
  readonly className?: string
  readonly style?: CSSProperties
  readonly children?: ReactNode
  readonly onClick?: () => void
  readonly [dataAttribute: `data-${string}`]: unknown
}

/** What WeChat hands an open-type button's handler, per open type; tests set it before tapping. */
export const openTypeAnswers: Record<string, unknown> = {}

/** The attributes every stand-in keeps: id, class, style and data-*. */
function domProps(props: StandInProps): Record<string, unknown> {
  const kept: Record<string, unknown> = { id: props.id, className: props.className, style: props.style }
  for (const [key, value] of Object.entries(props)) if (key.startsWith('data-')) kept[key] = value
  return kept
}

export function View(props: StandInProps) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a stand-in mirrors Taro's View, which is a div
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <div {...domProps(props)} onClick={props.onClick}>
      {props.children}
    </div>
  )
}

export function Text(props: StandInProps) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a stand-in mirrors Taro's Text, which is a span
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <span {...domProps(props)} onClick={props.onClick}>
      {props.children}
    </span>
  )
}

interface ButtonProps extends StandInProps {
  readonly disabled?: boolean
  readonly loading?: boolean
  readonly size?: string
  readonly openType?: string
  readonly onGetPhoneNumber?: (event: { detail: unknown }) => void
  readonly onChooseAvatar?: (event: { detail: unknown }) => void
}

/** A button; an open-type button calls its handler with `openTypeAnswers[openType]` when tapped. */
export function Button(props: ButtonProps) {
  const { openType, disabled, onClick } = props
  function tap() {
    onClick?.()
    const detail = openType === undefined ? undefined : openTypeAnswers[openType]
    if (openType === 'getPhoneNumber') props.onGetPhoneNumber?.({ detail })
    if (openType === 'chooseAvatar') props.onChooseAvatar?.({ detail })
  }
  return (
    <button type='button' {...domProps(props)} data-open-type={openType} disabled={disabled} onClick={tap}>
      {props.children}
    </button>
  )
}

export function Image(props: StandInProps & { readonly src: string; readonly mode?: string }) {
  return (
    // biome-ignore lint/a11y/useAltText: Taro's Image has no alt; tests select by id
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <img {...domProps(props)} src={props.src} data-mode={props.mode} onClick={props.onClick} />
  )
}

interface InputProps extends StandInProps {
  readonly value?: string
  readonly type?: string
  readonly placeholder?: string
  readonly maxlength?: number
  readonly disabled?: boolean
  readonly onInput?: (event: { detail: { value: string } }) => void
  readonly onBlur?: (event: { detail: { value: string } }) => void
}

/** An input; Taro's `type` (text, nickname…) is kept as `data-type`, since `nickname` is no DOM type. */
export function Input(props: InputProps) {
  return (
    <input
      {...domProps(props)}
      data-type={props.type}
      value={props.value}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      disabled={props.disabled}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
      onBlur={(event) => props.onBlur?.({ detail: { value: event.target.value } })}
    />
  )
}

/** A multi-line input, answered as Taro's: `onInput` with `detail.value`. */
export function Textarea(props: InputProps) {
  return (
    <textarea
      {...domProps(props)}
      value={props.value}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
    />
  )
}

interface PickerProps extends StandInProps {
  readonly mode: string
  readonly value?: string
  readonly disabled?: boolean
  readonly onChange: (event: { detail: { value: string } }) => void
}

/** A picker: its children, plus an input that tests change to pick a value. */
export function Picker(props: PickerProps) {
  return (
    <div {...domProps(props)} data-picker-mode={props.mode}>
      {props.children}
      <input
        className='picker-stand-in__value'
        disabled={props.disabled}
        defaultValue={props.value}
        onChange={(event) => props.onChange({ detail: { value: event.target.value } })}
      />
    </div>
  )
}

/** A canvas; jsdom draws nothing on it, and the uCharts stand-in records what a chart would draw. */
export function Canvas(props: StandInProps & { readonly type?: string }) {
  return <canvas {...domProps(props)} data-type={props.type} />
}
