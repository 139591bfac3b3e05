import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import developmentTemplateIds from '../emulator/developmentTemplateIds.json'

// The weapp and H5 builds get their own output folders so that both can exist side by side
// (the dev server serves dist-h5 while WeChat DevTools opens dist).
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'

// Subscribe-message template ids, from the variables the functions read too (the client maps them
// to keys as the functions do). H5 is the local mode only, so it falls back to the local cloud's
// development ids; weapp asks for none it was not given.
const subscribeTemplateVariables = Object.fromEntries(
  Object.entries(developmentTemplateIds).map(([variable, developmentId]) => [
    variable,
    process.env[variable] || (process.env.TARO_ENV === 'h5' ? developmentId : ''),
  ]),
)

// shared/ lives outside the source root; Taro only transpiles what it is told to include.
const sharedRoot = path.resolve(__dirname, '..', 'shared')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'store-loyalty',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    outputRoot,
    plugins: [],
    alias: {
      '@': path.resolve(__dirname, '..', 'miniprogram'),
      '@shared': sharedRoot,
    },
    // Replaced at build time: the CloudBase environment the weapp build calls (empty for the one
    // selected in WeChat DevTools). weapp has no `process`, so nothing may read process.env at run time.
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      SUBSCRIBE_TEMPLATE_VARIABLES: JSON.stringify(subscribeTemplateVariables),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedRoot] },
      // Taro's default, said out loud: modules only subpackages use (the admin charts' uCharts) go into
      // those subpackages, not into the main package every member downloads.
      optimizeMainPackage: { enable: true },
      // Component styles are BEM-scoped class names, so the order pages import them in never matters.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedRoot] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return merge({}, baseConfig)
})
