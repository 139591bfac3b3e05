/**
 * Timer triggers for the local cloud: every function's `config.json` timers fire as CloudBase
 * fires them, with the event `{ Type: 'Timer', TriggerName, Time }` and no user, so `npm start`
 * runs the scheduled jobs on their schedule. A tick checks the second that has just begun.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { cronMatches, parseCron } from './cron'
import { readFunctionConfig } from './functionConfig'
import type { FunctionHost } from './host'
import { LOCAL_APPID } from './identity'

/** A timer as the local cloud runs it. */
export interface LocalTimer {
  readonly functionName: string
  readonly triggerName: string
  readonly schedule: ReturnType<typeof parseCron>
}

/** Every timer trigger declared under `functionsRoot`. Throws on a cron the emulator can't read. */
export function declaredTimers(functionsRoot: string): LocalTimer[] {
  return readdirSync(functionsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readFunctionConfig(path.join(functionsRoot, entry.name)).timers.map((timer) => ({
        functionName: entry.name,
        triggerName: timer.name,
        schedule: parseCron(timer.config),
      })),
    )
}

/** The event a timer invocation gets. */
export function timerEvent(triggerName: string, atMs: number) {
  return { Type: 'Timer', TriggerName: triggerName, Time: new Date(atMs).toISOString() }
}

/** Fires the timers due in the second of `atMs`; answers the invocations (their failures are logged). */
export function fireDueTimers(host: FunctionHost, timers: readonly LocalTimer[], atMs: number): Promise<unknown>[] {
  return timers
    .filter((timer) => cronMatches(timer.schedule, atMs))
    .map((timer) =>
      host
        .invoke(timer.functionName, timerEvent(timer.triggerName, atMs), { appid: LOCAL_APPID, source: 'timer' })
        .catch((error: unknown) => console.error(`timer ${timer.functionName}/${timer.triggerName} failed`, error)),
    )
}

/** Runs the timers of `functionsRoot` until stopped, checking once a second. */
export function startTimers(host: FunctionHost, functionsRoot: string): { readonly count: number; stop(): void } {
  const timers = declaredTimers(functionsRoot)
  let lastSecond = Math.floor(Date.now() / 1000)
  const interval = setInterval(() => {
    const second = Math.floor(Date.now() / 1000)
    // Every second since the last tick, once: a slow tick never skips a trigger nor fires one twice.
    for (let due = lastSecond + 1; due <= second; due += 1) void fireDueTimers(host, timers, due * 1000)
    lastSecond = second
  }, 1000)
  interval.unref()
  return { count: timers.length, stop: () => clearInterval(interval) }
}
