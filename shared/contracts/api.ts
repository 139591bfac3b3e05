import type { z } from 'zod'
import type { PublicProgramme, programmeGetInput } from './programme'

/**
 * Every cloud function and action the client may call, with its input and output types. The client
 * and the functions both type against this map, so a renamed field fails the typecheck on both sides.
 */
export interface Api {
  readonly programme: {
    readonly get: { readonly input: z.input<typeof programmeGetInput>; readonly output: PublicProgramme }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I }
  ? I
  : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never
