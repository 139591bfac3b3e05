import type { HistoryBalance, HistoryEntry } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import type { HistoryList } from '@/stores/historyStore'
import { earningLineText } from '@/utils/earningText'
import { formatDateTime } from '@/utils/formatTime'

function signed(amount: number): string {
  return amount > 0 ? `+${amount}` : `${amount}`
}

/**
 * What the member can spend now, the same figure as the card, and what expired: the ledger's running
 * balance still counts expired points until they are written off, so no line shows it.
 */
export function HistoryBalanceHeader({ balance }: { balance: HistoryBalance }) {
  return (
    <View className='history-balance' id='history-balance'>
      <Text className='history-balance__usable'>{`可用积分 ${balance.usable}`}</Text>
      {balance.expired > 0 && (
        <Text className='history-balance__expired' id='history-balance-expired'>
          {`另有 ${balance.expired} 积分已过期`}
        </Text>
      )}
    </View>
  )
}

/** One line of the history: what, when, and the signed amount. */
export function HistoryLine({ entry }: { entry: HistoryEntry }) {
  return (
    <View className='history-entry' id={`history-entry-${entry.id}`}>
      <View className='history-entry__main'>
        <Text className='history-entry__title'>{entry.title}</Text>
        <Text className='history-entry__time'>{formatDateTime(entry.createdAtMs)}</Text>
        {entry.earningLines !== null && entry.earningLines.length > 1 && (
          <Text className='history-entry__lines' id={`history-entry-${entry.id}-lines`}>
            {entry.earningLines.map(earningLineText).join(' · ')}
          </Text>
        )}
      </View>
      <View className='history-entry__side'>
        <Text className={`history-entry__amount history-entry__amount--${entry.amount >= 0 ? 'gain' : 'loss'}`}>
          {signed(entry.amount)}
        </Text>
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
