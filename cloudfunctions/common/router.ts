/**
 * The action router every cloud function uses: route the action, validate its input, run the
 * handler, and answer the `{ ok, data }` / `{ ok: false, code, message }` envelope. Handlers never
 * see unvalidated input, and a handler that throws answers INTERNAL instead of crashing the caller.
 */
import type { ApiEnvelope } from '@shared/contracts'
import { err, type Result } from '@shared/result'
import { describeIssues } from '@shared/validation/describeIssues'
import type { z } from 'zod'

/** Longest action name accepted; anything longer is certainly not one of ours. */
export const ACTION_NAME_LENGTH_MAX = 64

/** One action: the schema of its input and what it does with valid input. */
export interface Action<Input, Output, Context> {
  readonly input: z.ZodType<Input>
  run(input: Input, context: Context): Promise<Result<Output>> | Result<Output>
}

/** Declares an action with its input type inferred from the schema. */
export function defineAction<Input, Output, Context>(
  action: Action<Input, Output, Context>,
): Action<Input, Output, Context> {
  return action
}

/** Any action of a router: each validates its own input, so the router only needs to know it parses. */
interface AnyAction<Context> {
  readonly input: z.ZodType<unknown>
  run(input: never, context: Context): Promise<Result<unknown>> | Result<unknown>
}

function actionNameOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null
  const action = (event as { action?: unknown }).action
  return typeof action === 'string' && action.length <= ACTION_NAME_LENGTH_MAX ? action : null
}

/**
 * Builds the `main` of a cloud function from its actions. `contextOf` resolves who is calling
 * (from `getWXContext()`, never from the payload) once the action is known to exist.
 */
export function createRouter<Context>(
  actions: Readonly<Record<string, AnyAction<Context>>>,
  contextOf: () => Context | Promise<Context>,
): (event: unknown) => Promise<ApiEnvelope<unknown>> {
  return async (event) => {
    const name = actionNameOf(event)
    const action = name !== null && Object.hasOwn(actions, name) ? actions[name] : undefined
    if (!action) return err('UNKNOWN_ACTION', String(name ?? ''))
    const parsed = action.input.safeParse((event as { input?: unknown }).input ?? {})
    if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error.issues))
    try {
      return await action.run(parsed.data as never, await contextOf())
    } catch (error) {
      console.error(`action ${name} failed`, error)
      return err('INTERNAL')
    }
  }
}
