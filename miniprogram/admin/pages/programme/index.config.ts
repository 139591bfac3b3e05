export default definePageConfig({
  navigationBarTitleText: '会员规则',
})
