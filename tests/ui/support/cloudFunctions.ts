import Taro from '@tarojs/taro'

type Answer = unknown | (() => Promise<unknown>)

/**
 * Makes `Taro.cloud.callFunction` answer like the cloud would: `answers['programme.get']` is the
 * result for that action (a value, or a function returning a promise to control timing).
 */
export function answerCloudFunctions(answers: Record<string, Answer>): jest.Mock {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
  callFunction.mockReset()
  callFunction.mockImplementation(async ({ name, data }: { name: string; data: { action: string } }) => {
    const key = `${name}.${data.action}`
    if (!(key in answers)) throw new Error(`no answer prepared for ${key}`)
    const answer = answers[key]
    return { result: typeof answer === 'function' ? await (answer as () => Promise<unknown>)() : answer }
  })
  return callFunction
}
