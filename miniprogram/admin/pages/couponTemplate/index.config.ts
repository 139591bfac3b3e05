export default definePageConfig({
  navigationBarTitleText: '编辑优惠券模板',
})
