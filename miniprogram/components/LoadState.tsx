import { Button, Text, View } from '@tarojs/components'
import './LoadState.css'

/** What a page shows while loading, when loading failed (with a retry) and when there is nothing. */
export function LoadState(
  props:
    | { state: 'loading' }
    | { state: 'error'; message: string; onRetry: () => void }
    | { state: 'empty'; message: string },
) {
  return (
    <View className={`load-state load-state--${props.state}`} id={`load-state-${props.state}`}>
      {props.state === 'loading' && <Text>加载中…</Text>}
      {props.state === 'empty' && <Text>{props.message}</Text>}
      {props.state === 'error' && (
        <>
          <Text className='load-state__message'>{props.message}</Text>
          <Button className='button button--small load-state__retry' id='load-state-retry' onClick={props.onRetry}>
            重试
          </Button>
        </>
      )}
    </View>
  )
}
