import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.css'

// On WeChat the cloud SDK needs initialising once, before any call. The environment comes from
// TARO_APP_CLOUD_ENV at build time (`TARO_APP_CLOUD_ENV=prod-1a2b npm run build:weapp`, see
// config/index.ts); without it WeChat uses the environment selected in DevTools. The H5 build
// talks to the local dev server instead and has no cloud SDK.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true })
}

/** The app shell: Taro renders each page as `children`. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
