import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** CloudBase's default time limit for a function that declares none. */
export const FUNCTION_TIMEOUT_DEFAULT_S = 3
/** The longest time limit CloudBase allows. */
export const FUNCTION_TIMEOUT_MAX_S = 60

/** What the host needs from a function's `config.json`. */
export interface FunctionConfig {
  readonly timeoutMs: number
}

/** Reads `<folder>/config.json` as CloudBase does: `timeout` in seconds, clamped to the allowed range. */
export function readFunctionConfig(functionFolder: string): FunctionConfig {
  const file = path.join(functionFolder, 'config.json')
  let timeoutS = FUNCTION_TIMEOUT_DEFAULT_S
  if (existsSync(file)) {
    const declared = (JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown }).timeout
    if (typeof declared === 'number' && Number.isFinite(declared) && declared > 0) {
      timeoutS = Math.min(declared, FUNCTION_TIMEOUT_MAX_S)
    }
  }
  return { timeoutMs: timeoutS * 1000 }
}
