import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Loadable } from '@/stores/loadable'
import { LoadState } from './LoadState'

/** What a page shows instead of its content when the data holds nothing to show. */
export interface EmptyView<T> {
  /** Whether the data holds nothing to show. */
  readonly when: (data: T) => boolean
  /** The message, in the words of the page (`还没有积分记录`). */
  readonly text: string
  /** A way on from the empty screen (a button or link under the message). @default none */
  readonly action?: ReactNode
  /** The class of the wrapper around message and action. @default none */
  readonly className?: string
}

/** What a failed load shows under its message and 重试, for pages that offer another way on. */
export interface ErrorView {
  readonly action: ReactNode
  readonly className?: string
  readonly id?: string
}

export interface LoadedProps<T, Refusal extends string> {
  readonly state: Loadable<T, Refusal>
  /** What 重试 does after a failed load. */
  readonly onRetry: () => unknown
  /** The empty screen, when the data can hold nothing. @default never empty */
  readonly empty?: EmptyView<T>
  /** A way on from a failed load besides 重试. @default none */
  readonly error?: ErrorView
  /** What a refusal state (`notMember`, `notStaff`) shows. @default the loading state (the page moves on) */
  readonly refused?: ReactNode
  /** The page's content, for data that is here. */
  readonly children: (data: T) => ReactNode
}

/**
 * The one guard between a page and its data: 加载中… while loading, the message and 重试 when loading
 * failed, the empty screen when there is nothing, and the content once the data is here.
 */
export function Loaded<T, Refusal extends string = never>(props: LoadedProps<T, Refusal>) {
  const { state, empty, error } = props
  if ('message' in state) {
    const failed = <LoadState state='error' message={state.message} onRetry={() => void props.onRetry()} />
    return error === undefined ? failed : <Beside view={error} state={failed} />
  }
  if (!('data' in state)) {
    const waiting = state.status === 'idle' || state.status === 'loading' || props.refused === undefined
    return waiting ? <LoadState state='loading' /> : props.refused
  }
  if (empty?.when(state.data)) {
    const nothing = <LoadState state='empty' message={empty.text} />
    return empty.action === undefined && empty.className === undefined ? (
      nothing
    ) : (
      <Beside view={empty} state={nothing} />
    )
  }
  return <>{props.children(state.data)}</>
}

/** A load state with the page's way on under it, in the page's wrapper. */
function Beside({ view, state }: { view: { action?: ReactNode; className?: string; id?: string }; state: ReactNode }) {
  return (
    <View
      {...(view.className === undefined ? {} : { className: view.className })}
      {...(view.id === undefined ? {} : { id: view.id })}
    >
      {state}
      {view.action}
    </View>
  )
}
