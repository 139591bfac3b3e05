import type { z } from 'zod'
import type { ErrorCode } from '../errors'

/**
 * Codes any action may answer whatever it does: the router's own (no such action, input that
 * fails its schema, an unexpected failure). Action contracts list only the codes of their own.
 */
export const ROUTER_ERROR_CODES = ['UNKNOWN_ACTION', 'INVALID_INPUT', 'INTERNAL'] as const
export type RouterErrorCode = (typeof ROUTER_ERROR_CODES)[number]

/**
 * One action of a cloud function as both sides see it: the schema of its input (the function parses
 * with it), the type of its output, and every domain code it may answer, in precedence order.
 */
export interface ActionContract<Input extends z.ZodType, Output, Code extends ErrorCode> {
  readonly input: Input
  readonly errors: readonly Code[]
  /** Type only: never set at run time; it carries the output type to the router and the client. */
  readonly output?: Output
}

// biome-ignore lint/suspicious/noExplicitAny: the widest contract, for constraints only.
export type AnyActionContract = ActionContract<z.ZodType, any, ErrorCode>

/** The input a caller sends (before the schema's defaults and transforms). */
export type ContractInput<C extends AnyActionContract> = z.input<C['input']>
/** The input a handler receives (after parsing). */
export type ContractParsedInput<C extends AnyActionContract> = z.output<C['input']>
/** What the action answers on success. */
export type ContractOutput<C extends AnyActionContract> = NonNullable<C['output']>
/** Every code the action may answer: its own and the router's. */
export type ContractErrorCode<C extends AnyActionContract> = C['errors'][number] | RouterErrorCode

/**
 * Declares an action's contract: `action<Output>()(inputSchema, [codes…])`. Curried so the output
 * type is written while the schema and the code list are inferred.
 */
export function action<Output>() {
  return <Input extends z.ZodType, const Code extends ErrorCode = never>(
    input: Input,
    errors: readonly Code[],
  ): ActionContract<Input, Output, Code> => ({ input, errors })
}
