import { Text } from '@tarojs/components'

/** What a write answered, as the admin screens show it under the form: done, or refused with the reason. */
export interface Notice {
  readonly tone: 'ok' | 'failed'
  readonly text: string
}

/** The notice of the last write, or nothing before the first. `id` is the element's, for tests. */
export function AdminNotice({ id, notice }: { id: string; notice: Notice | null }) {
  if (notice === null) return null
  return (
    <Text className={`admin-notice admin-notice--${notice.tone}`} id={id}>
      {notice.text}
    </Text>
  )
}
