import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { LocalIdentitySwitcher } from './LocalIdentitySwitcher'

/**
 * The frame of every page. In the H5 build (local mode) it adds the identity switcher;
 * `process.env.TARO_ENV` is replaced at build time, so the weapp build contains none of it.
 */
export function PageShell({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <View className={className === undefined ? 'page-shell' : `page-shell ${className}`}>
      {process.env.TARO_ENV === 'h5' && <LocalIdentitySwitcher />}
      {children}
    </View>
  )
}
