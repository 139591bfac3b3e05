/** The slice of `@tarojs/taro` that pages call, as jest functions tests can inspect and steer. */
const Taro = {
  getEnv: jest.fn(() => 'WEB'),
  navigateTo: jest.fn(async () => undefined),
  showToast: jest.fn(async () => undefined),
  cloud: {
    callFunction: jest.fn(
      async (_options: { name: string; data: unknown }): Promise<{ result: unknown }> => ({ result: null }),
    ),
  },
}

export default Taro
export const { getEnv, navigateTo, showToast, cloud } = Taro
