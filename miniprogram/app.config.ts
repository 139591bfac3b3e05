import { MAIN_PACKAGE_PAGES } from './routes'

export default defineAppConfig({
  pages: [...MAIN_PACKAGE_PAGES],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#3b2a20',
    navigationBarTitleText: '会员中心',
    navigationBarTextStyle: 'white',
  },
})
