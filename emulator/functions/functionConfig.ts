import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** CloudBase's default time limit for a function that declares none. */
export const FUNCTION_TIMEOUT_DEFAULT_S = 3
/** The longest time limit CloudBase allows. */
export const FUNCTION_TIMEOUT_MAX_S = 60

/** A timer trigger of `config.json`: its name and seven-field cron (see `cron.ts`). */
export interface TimerTriggerConfig {
  readonly name: string
  readonly config: string
}

/** What the host needs from a function's `config.json`. */
export interface FunctionConfig {
  readonly timeoutMs: number
  readonly timers: readonly TimerTriggerConfig[]
}

function timersOf(declared: unknown): TimerTriggerConfig[] {
  if (!Array.isArray(declared)) return []
  return declared.flatMap((trigger: { name?: unknown; type?: unknown; config?: unknown }) =>
    trigger?.type === 'timer' && typeof trigger.name === 'string' && typeof trigger.config === 'string'
      ? [{ name: trigger.name, config: trigger.config }]
      : [],
  )
}

/**
 * Reads `<folder>/config.json` as CloudBase does: `timeout` in seconds, clamped to the allowed
 * range, and its timer triggers (the deploy checks their shape; anything else is ignored here).
 */
export function readFunctionConfig(functionFolder: string): FunctionConfig {
  const file = path.join(functionFolder, 'config.json')
  let timeoutS = FUNCTION_TIMEOUT_DEFAULT_S
  let timers: TimerTriggerConfig[] = []
  if (existsSync(file)) {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown; triggers?: unknown }
    const declared = config.timeout
    if (typeof declared === 'number' && Number.isFinite(declared) && declared > 0) {
      timeoutS = Math.min(declared, FUNCTION_TIMEOUT_MAX_S)
    }
    timers = timersOf(config.triggers)
  }
  return { timeoutMs: timeoutS * 1000, timers }
}
