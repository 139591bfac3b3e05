/** The slice of `@tarojs/taro` that pages call, as jest functions tests can inspect. */
const Taro = {
  getEnv: jest.fn(() => 'WEB'),
  navigateTo: jest.fn(async () => undefined),
  showToast: jest.fn(async () => undefined),
}

export default Taro
export const { getEnv, navigateTo, showToast } = Taro
