import { useMemo } from 'react'
import { Loaded } from '@/components/Loaded'
import type { Loadable } from '@/stores/loadable'
import { ChartCanvas } from './ChartCanvas'
import type { ChartSpec } from './chartSpec'

/** What every chart takes: its element id, its data as loaded, what 重试 does, and its 暂无数据 text. */
export interface ChartProps<T> {
  readonly id: string
  readonly state: Loadable<T, string>
  readonly onRetry: () => unknown
  readonly emptyText?: string
}

function DrawnChart<T>({ id, data, specOf }: { id: string; data: T; specOf: (data: T) => ChartSpec }) {
  const spec = useMemo(() => specOf(data), [data, specOf])
  return <ChartCanvas id={id} spec={spec} />
}

/** A chart's states as the pages' own: 加载中…, the message and 重试, the empty text, or the chart of the data. */
export function LoadedChart<T>(
  props: ChartProps<T> & { isEmpty: (data: T) => boolean; specOf: (data: T) => ChartSpec; emptyText: string },
) {
  return (
    <Loaded state={props.state} onRetry={props.onRetry} empty={{ when: props.isEmpty, text: props.emptyText }}>
      {(data) => <DrawnChart id={props.id} data={data} specOf={props.specOf} />}
    </Loaded>
  )
}
