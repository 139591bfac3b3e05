import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useHistoryStore } from '@/stores/historyStore'
import { HistoryBalanceHeader, HistoryFooter, HistoryLine } from './HistoryLine'
import './index.css'

/** The points history, newest first; scrolling to the bottom loads the next page. */
export default function HistoryPage() {
  const state = useHistoryStore((store) => store.state)
  const loadFirst = useHistoryStore((store) => store.loadFirst)
  const loadMore = useHistoryStore((store) => store.loadMore)
  usePageData(loadFirst)
  useReachBottom(() => {
    void loadMore()
  })

  return (
    <PageShell className='history-page'>
      <Loaded
        state={state}
        onRetry={loadFirst}
        empty={{ when: (list) => list.entries.length === 0, text: '还没有积分记录' }}
      >
        {(list) => (
          <>
            <HistoryBalanceHeader balance={list.balance} />
            <View className='history-list' id='history-list'>
              {list.entries.map((entry) => (
                <HistoryLine key={entry.id} entry={entry} />
              ))}
            </View>
            <HistoryFooter list={list} onMore={() => void loadMore()} />
          </>
        )}
      </Loaded>
    </PageShell>
  )
}
