import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { currentIdentityKey, type LocalIdentity, loadLocalIdentities, switchIdentity } from '@/api/localIdentity'
import './LocalIdentitySwitcher.css'

/**
 * Local mode only: a visible switch between demo identities, so one person can play every role.
 * Switching reloads the app so no page keeps the previous identity's data.
 */
export function LocalIdentitySwitcher({ onSwitch = () => globalThis.location?.reload() }: { onSwitch?: () => void }) {
  const [open, setOpen] = useState(false)
  const [identities, setIdentities] = useState<readonly LocalIdentity[]>([])
  useEffect(() => {
    loadLocalIdentities().then(setIdentities, () => setIdentities([]))
  }, [])
  const currentKey = currentIdentityKey()
  const current = identities.find((identity) => identity.key === currentKey)
  return (
    <View className='identity-switcher' id='identity-switcher'>
      <View className='identity-switcher__current' id='identity-switcher-toggle' onClick={() => setOpen(!open)}>
        <Text>本地身份：{current?.label ?? currentKey}</Text>
      </View>
      {open &&
        identities.map((identity) => (
          <View
            key={identity.key}
            id={`identity-${identity.key}`}
            className={`identity-switcher__option${identity.key === currentKey ? ' identity-switcher__option--current' : ''}`}
            onClick={() => {
              switchIdentity(identity.key)
              setOpen(false)
              onSwitch()
            }}
          >
            <Text>{identity.label}</Text>
          </View>
        ))}
    </View>
  )
}
