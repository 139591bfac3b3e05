/**
 * The action router every cloud function uses: route the action, validate its input with the
 * contract's schema, run the handler, and answer the `{ ok, data }` / `{ ok: false, code, message }`
 * envelope. Handlers never see unvalidated input, and a handler that throws answers INTERNAL instead
 * of crashing the caller.
 */
import type {
  AnyActionContract,
  ApiEnvelope,
  ContractErrorCode,
  ContractOutput,
  ContractParsedInput,
} from '@shared/contracts'
import { err, type Result } from '@shared/result'
import { describeIssues } from '@shared/validation/describeIssues'
import type { Caller } from './caller'

/** Longest action name accepted; anything longer is certainly not one of ours. */
export const ACTION_NAME_LENGTH_MAX = 64

/** What a handler of `Contract` answers: the contract's output, or one of the codes it lists. */
export type ActionResult<Contract extends AnyActionContract> = Result<
  ContractOutput<Contract>,
  ContractErrorCode<Contract>
>

/** One action: its contract (input schema, output type, codes) and what it does with valid input. */
export interface Action<Contract extends AnyActionContract, Context = Caller> {
  readonly contract: Contract
  run(input: ContractParsedInput<Contract>, context: Context): Promise<ActionResult<Contract>>
}

/**
 * Implements one contract: `defineAction(API.member.join, async (input, caller) => …)`. The input
 * type comes from the contract's schema and the answer must match its output and codes, so a
 * renamed field or an unlisted code fails the typecheck here.
 */
export function defineAction<Contract extends AnyActionContract, Context = Caller>(
  contract: Contract,
  run: Action<Contract, Context>['run'],
): Action<Contract, Context> {
  return { contract, run }
}

/** A function's handlers: exactly one action per action of its contract table. */
export type ActionsOf<Contracts extends Readonly<Record<string, AnyActionContract>>, Context> = {
  readonly [Name in keyof Contracts]: Action<Contracts[Name], Context>
}

function actionNameOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null
  const action = (event as { action?: unknown }).action
  return typeof action === 'string' && action.length <= ACTION_NAME_LENGTH_MAX ? action : null
}

/**
 * Builds the `main` of a cloud function from its contract table (`API.member`) and one action per
 * contract. `contextOf` resolves who is calling (from `getWXContext()`, never from the payload) once
 * the action is known to exist.
 */
export function createRouter<Contracts extends Readonly<Record<string, AnyActionContract>>, Context>(
  _contracts: Contracts,
  actions: ActionsOf<Contracts, Context>,
  contextOf: () => Context | Promise<Context>,
): (event: unknown) => Promise<ApiEnvelope<unknown>> {
  const table: Readonly<Record<string, Action<AnyActionContract, Context>>> = actions
  return async (event) => {
    const name = actionNameOf(event)
    const action = name !== null && Object.hasOwn(table, name) ? table[name] : undefined
    if (!action) return err('UNKNOWN_ACTION', String(name ?? ''))
    const parsed = action.contract.input.safeParse((event as { input?: unknown }).input ?? {})
    if (!parsed.success) return err('INVALID_INPUT', describeIssues(parsed.error.issues))
    try {
      return await action.run(parsed.data, await contextOf())
    } catch (error) {
      console.error(`action ${name} failed`, error)
      return err('INTERNAL')
    }
  }
}
