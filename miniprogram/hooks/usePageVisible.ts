import { useDidHide, useDidShow } from '@tarojs/taro'
import { useState } from 'react'

/**
 * Whether the page is on screen: true from mounting, false while another page or tab covers it
 * (tabBar pages are hidden, not unmounted). Effects that depend on it stop timers on hide.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  return visible
}
