/**
 * Where a contract suite runs: the local emulator (always, in `npm test`) or a real CloudBase
 * environment (`npm run test:cloud`). The suites in this folder are written once against this
 * interface and go through the real wx-server-sdk either way, so a behaviour the emulator keeps can
 * be checked against production, and a difference shows up as a failing cloud run.
 */
import type { Cloud } from '../emulator/sdkHarness'

/** One place the contracts can run. */
export interface ConformanceTarget {
  readonly name: 'emulator' | 'cloud'
  /** Starts (or connects to) the target and points the SDK at it. */
  start(): Promise<void>
  stop(): Promise<void>
  /** Empties the collections the contracts write, so every test starts from nothing. */
  reset(): Promise<void>
  readonly cloud: Cloud
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands and transactions.
  readonly db: any
  /** The instant the server's clock should read now, and how far from it a server date may be. */
  serverClock(): { readonly nowMs: number; readonly toleranceMs: number }
  /** A collection name no earlier run has created (real environments keep what a run creates). */
  freshCollectionName(stem: string): string
}

/** The collections the contracts write and `reset` empties; a real target must have them deployed. */
export const CONTRACT_COLLECTIONS = ['members', 'ledger'] as const

/** Registers the suite's lifecycle on `target`: started once, reset before each test, stopped at the end. */
export function registerTarget(target: ConformanceTarget): ConformanceTarget {
  beforeAll(() => target.start())
  afterAll(() => target.stop())
  beforeEach(() => target.reset())
  return target
}
