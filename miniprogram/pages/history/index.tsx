import type { HistoryEntry } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useEffect } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { useHistoryStore } from '@/stores/historyStore'
import { formatDateTime } from '@/utils/formatTime'
import './index.css'

function signed(amount: number): string {
  return amount > 0 ? `+${amount}` : `${amount}`
}

function HistoryLine({ entry }: { entry: HistoryEntry }) {
  return (
    <View className='history-entry' id={`history-entry-${entry.id}`}>
      <View className='history-entry__main'>
        <Text className='history-entry__title'>{entry.title}</Text>
        <Text className='history-entry__time'>{formatDateTime(entry.createdAtMs)}</Text>
      </View>
      <View className='history-entry__side'>
        <Text className={`history-entry__amount history-entry__amount--${entry.amount >= 0 ? 'gain' : 'loss'}`}>
          {signed(entry.amount)}
        </Text>
        <Text className='history-entry__balance'>{`余额 ${entry.balanceAfter}`}</Text>
      </View>
    </View>
  )
}

/** The points history, newest first; scrolling to the bottom loads the next page. */
export default function HistoryPage() {
  const state = useHistoryStore((store) => store.state)
  const loadFirst = useHistoryStore((store) => store.loadFirst)
  const loadMore = useHistoryStore((store) => store.loadMore)

  useEffect(() => {
    void loadFirst()
  }, [loadFirst])

  useReachBottom(() => {
    void loadMore()
  })

  return (
    <PageShell className='history-page'>
      {(state.status === 'idle' || state.status === 'loading') && <LoadState state='loading' />}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={loadFirst} />}
      {state.status === 'ready' && state.entries.length === 0 && <LoadState state='empty' message='还没有积分记录' />}
      {state.status === 'ready' && state.entries.length > 0 && (
        <>
          <View className='history-list' id='history-list'>
            {state.entries.map((entry) => (
              <HistoryLine key={entry.id} entry={entry} />
            ))}
          </View>
          <View className='history-footer'>
            {state.more === 'loading' && <Text id='history-loading-more'>加载中…</Text>}
            {state.more === 'error' && (
              <Text id='history-load-more-retry' className='history-footer__retry' onClick={() => void loadMore()}>
                加载失败，点击重试
              </Text>
            )}
            {state.more === 'idle' && state.nextCursor !== null && (
              <Text id='history-load-more' className='history-footer__more' onClick={() => void loadMore()}>
                加载更多
              </Text>
            )}
            {state.more === 'idle' && state.nextCursor === null && <Text id='history-end'>没有更多了</Text>}
          </View>
        </>
      )}
    </PageShell>
  )
}
