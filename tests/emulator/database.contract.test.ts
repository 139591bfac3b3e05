import { functionNotFound } from '../../emulator'
import { databaseContract } from '../conformance/database.contract'
import { emulatorTarget } from '../conformance/emulatorTarget'
import { registerTarget } from '../conformance/target'
import { failureOf } from './sdkHarness'

const target = emulatorTarget()
databaseContract(registerTarget(target))

// Emulator only: the function handler is injected, which a real environment cannot do.
describe('callFunction', () => {
  it('answers the production error for a function that does not exist', async () => {
    target.harness.emulator.setFunctionHandler(undefined)
    const failure = await failureOf(target.cloud.callFunction({ name: 'nothing', data: {} }) as Promise<unknown>)
    expect(failure.errMsg).toContain('FunctionName parameter could not be found')
  })

  it('delegates to the injected handler with the data and the caller', async () => {
    const calls: unknown[] = []
    target.harness.emulator.setFunctionHandler(async (name, data, caller) => {
      if (name !== 'echo') throw functionNotFound(name)
      calls.push({ data, caller })
      return { echoed: data }
    })
    const result = await (target.cloud.callFunction({ name: 'echo', data: { x: 1 } }) as Promise<{ result: unknown }>)
    expect(result.result).toEqual({ echoed: { x: 1 } })
    expect(calls).toEqual([{ data: { x: 1 }, caller: { invocationId: null, envId: 'test-env' } }])
    const missing = await failureOf(target.cloud.callFunction({ name: 'other', data: {} }) as Promise<unknown>)
    expect(missing.errMsg).toContain('FunctionName parameter could not be found')
  })

  it('reports a function that throws as FUNCTIONS_EXECUTE_FAIL', async () => {
    target.harness.emulator.setFunctionHandler(async () => {
      throw new Error('boom')
    })
    const failure = await failureOf(target.cloud.callFunction({ name: 'any', data: {} }) as Promise<unknown>)
    expect(failure).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' })
    expect(failure.errMsg).toContain('Error: boom')
  })
})
