export default definePageConfig({
  navigationBarTitleText: '邀请店员',
})
