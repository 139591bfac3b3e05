/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | undefined
  }
}

/** The CloudBase environment id the weapp build calls; empty for DevTools' selection (config/index.ts). */
declare const CLOUD_ENV_ID: string

/** The subscribe-message template id variables of the build (config/index.ts), as the functions get them. */
declare const SUBSCRIBE_TEMPLATE_VARIABLES: Readonly<Record<string, string>>
