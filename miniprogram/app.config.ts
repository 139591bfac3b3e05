import { MAIN_PACKAGE_PAGES, ROUTES, SUB_PACKAGES, TAB_BAR_ITEMS } from './routes'

export default defineAppConfig({
  pages: [...MAIN_PACKAGE_PAGES],
  subPackages: SUB_PACKAGES.map((subPackage) => ({ root: subPackage.root, pages: [...subPackage.pages] })),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f1ec',
    navigationBarBackgroundColor: '#3b2a20',
    navigationBarTitleText: '会员中心',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#9a8b7d',
    selectedColor: '#3b2a20',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: TAB_BAR_ITEMS.map((item) => ({
      pagePath: ROUTES[item.route],
      text: item.text,
      iconPath: `assets/tabbar/${item.icon}.png`,
      selectedIconPath: `assets/tabbar/${item.icon}-selected.png`,
    })),
  },
})
