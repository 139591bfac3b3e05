import type { HistoryEntry } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import type { HistoryList } from '@/stores/historyStore'
import { formatDateTime } from '@/utils/formatTime'

function signed(amount: number): string {
  return amount > 0 ? `+${amount}` : `${amount}`
}

/** One line of the history: what, when, the signed amount and the balance after it. */
export function HistoryLine({ entry }: { entry: HistoryEntry }) {
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

/** The bottom of the list: the next page on its way, a retry, 加载更多, or the end. */
export function HistoryFooter({ list, onMore }: { list: HistoryList; onMore: () => void }) {
  return (
    <View className='history-footer'>
      {list.more === 'loading' && <Text id='history-loading-more'>加载中…</Text>}
      {list.more === 'error' && (
        <Text id='history-load-more-retry' className='history-footer__retry' onClick={onMore}>
          加载失败，点击重试
        </Text>
      )}
      {list.more === 'idle' && list.nextCursor !== null && (
        <Text id='history-load-more' className='history-footer__more' onClick={onMore}>
          加载更多
        </Text>
      )}
      {list.more === 'idle' && list.nextCursor === null && <Text id='history-end'>没有更多了</Text>}
    </View>
  )
}
