import { Button, Text } from '@tarojs/components'

/**
 * 加载更多 under a list a page at a time, with why the last attempt failed above it (the lines shown
 * stay). `id` names the button; the error is `<id>-error`.
 */
export function LoadMore(props: { id: string; loading: boolean; error: string | null; onMore: () => void }) {
  return (
    <>
      {props.error !== null && (
        <Text className='admin-notice admin-notice--failed' id={`${props.id}-error`}>
          {props.error}
        </Text>
      )}
      <Button className='button admin-create' id={props.id} disabled={props.loading} onClick={props.onMore}>
        {props.loading ? '加载中…' : '加载更多'}
      </Button>
    </>
  )
}
