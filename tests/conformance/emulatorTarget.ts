import type { DatabaseEmulatorOptions } from '../../emulator'
import { type Harness, startHarness } from '../emulator/sdkHarness'
import type { ConformanceTarget } from './target'

/** The instant the emulator's clock is held at, so server dates are exact. */
export const EMULATOR_NOW_MS = Date.UTC(2025, 0, 15, 8, 30)

/** The emulator target, with the emulator itself at hand for the emulator-only tests of a suite. */
export interface EmulatorTarget extends ConformanceTarget {
  readonly harness: Harness
}

/** An in-memory emulator on a free port with a fixed clock, through the real SDK. */
export function emulatorTarget(options: DatabaseEmulatorOptions = {}): EmulatorTarget {
  let harness: Harness | undefined
  const started = (): Harness => {
    if (!harness) throw new Error('the emulator target is not started')
    return harness
  }
  let collectionCount = 0
  return {
    name: 'emulator',
    async start() {
      harness = await startHarness({ nowMs: () => EMULATOR_NOW_MS, ...options })
    },
    async stop() {
      await started().emulator.stop()
    },
    async reset() {
      started().emulator.reset()
      delete process.env.TCB_SEQID
    },
    get harness() {
      return started()
    },
    get cloud() {
      return started().cloud
    },
    get db() {
      return started().db
    },
    serverClock: () => ({ nowMs: EMULATOR_NOW_MS, toleranceMs: 0 }),
    freshCollectionName(stem) {
      collectionCount += 1
      return `${stem}_${collectionCount}`
    },
  }
}
