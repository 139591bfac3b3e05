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

/**
 * In the H5 build functions are called through the dev server: this routes those fetches to the
 * answers prepared with `answerCloudFunctions`. The identity switcher's request finds no server.
 * Set `process.env.TARO_ENV = 'h5'` too, and delete `globalThis.fetch` after the test.
 */
export function routeLocalFetchToCloudFunctions(): void {
  globalThis.fetch = jest.fn(async (url: string, init: { body: string }) => {
    const functionName = /\/api\/functions\/(\w+)$/.exec(url)?.[1]
    if (functionName === undefined) throw new Error('no dev server in tests')
    const { result } = await Taro.cloud.callFunction({ name: functionName, data: JSON.parse(init.body).data })
    return { ok: true, status: 200, json: async () => ({ result }) }
  }) as unknown as typeof fetch
}
