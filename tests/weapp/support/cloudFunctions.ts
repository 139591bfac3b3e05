/**
 * A stand-in for `wx.cloud`, which miniprogram-simulate does not provide. Taro copies `wx.cloud` into
 * `Taro.cloud` once, when its runtime loads, so the stand-in is one object installed before every boot;
 * tests change what it answers with `answerCloudFunctions`.
 */

/** What one action answers: the function's result, or a function of the call's `data` giving it. */
export type CloudFunctionAnswer = unknown | ((data: CloudFunctionData) => unknown)

/** The `data` a page sends to a cloud function (`{ action, input }` in this project). */
export type CloudFunctionData = Readonly<Record<string, unknown>>

/** The options of `wx.cloud.callFunction` that the stand-in understands. */
export interface CallFunctionOptions {
  readonly name: string
  readonly data?: CloudFunctionData
  readonly success?: (response: CallFunctionResponse) => void
  readonly fail?: (error: Error) => void
  readonly complete?: () => void
}

/** What the real `wx.cloud.callFunction` resolves with. */
export interface CallFunctionResponse {
  readonly result: unknown
  readonly errMsg: string
  readonly requestID: string
}

/** A prepared answer the test releases when it chooses, to observe what a page shows meanwhile. */
export interface HeldAnswer {
  readonly answer: () => Promise<unknown>
  release(result: unknown): void
}

type CallFunction = (options: CallFunctionOptions) => Promise<CallFunctionResponse>

let answers: Readonly<Record<string, CloudFunctionAnswer>> = {}

function answerKey(options: CallFunctionOptions): string {
  const action = options.data?.action
  return typeof action === 'string' ? `${options.name}.${action}` : options.name
}

async function respond(options: CallFunctionOptions): Promise<CallFunctionResponse> {
  const key = answerKey(options)
  if (!(key in answers)) {
    throw new Error(`cloud.callFunction:fail no answer prepared for ${key} (see answerCloudFunctions)`)
  }
  const answer = answers[key]
  const result = typeof answer === 'function' ? await answer(options.data ?? {}) : answer
  return { result, errMsg: 'cloud.callFunction:ok', requestID: `weapp-test-${key}` }
}

const callFunction = jest.fn<Promise<CallFunctionResponse>, [CallFunctionOptions]>(async (options) => {
  try {
    const response = await respond(options)
    options.success?.(response)
    return response
  } catch (error) {
    options.fail?.(error as Error)
    throw error
  } finally {
    options.complete?.()
  }
})

/** The object installed as `wx.cloud` before each boot. */
export const cloudStandIn: { readonly callFunction: CallFunction; readonly init: jest.Mock } = {
  callFunction,
  // The app initialises the cloud SDK once at launch (see miniprogram/app.ts).
  init: jest.fn(),
}

/**
 * Sets what `wx.cloud.callFunction` answers, keyed `'<function>.<action>'` (e.g. `'programme.get'`), and
 * forgets earlier answers and calls. It resolves with `{ result }` like the real one; a call with no
 * prepared answer fails like a network error. Returns the mock, to check what pages sent.
 */
export function answerCloudFunctions(
  prepared: Readonly<Record<string, CloudFunctionAnswer>>,
): jest.Mock<Promise<CallFunctionResponse>, [CallFunctionOptions]> {
  answers = prepared
  callFunction.mockClear()
  return callFunction
}

/** An answer that stays pending until `release(result)`, e.g. to see a page's loading state. */
export function holdAnswer(): HeldAnswer {
  let release: (result: unknown) => void = () => undefined
  const pending = new Promise<unknown>((resolve) => {
    release = resolve
  })
  return { answer: () => pending, release: (result) => release(result) }
}
