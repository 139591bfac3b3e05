/** Where a running emulator listens. */
export interface EmulatorInfo {
  /** Which emulator this is, e.g. `database`. */
  readonly name: string
  readonly host: string
  readonly port: number
  /** The base URL, e.g. `http://127.0.0.1:9710`. */
  readonly url: string
}

/** What every local emulator implements (as in firebase-tools): start, stop, and say where it listens. */
export interface Emulator {
  /** Starts listening; resolves once requests are accepted. */
  start(): Promise<EmulatorInfo>
  /** Stops listening and releases its storage. */
  stop(): Promise<void>
  /** Where it listens; throws when not started. */
  info(): EmulatorInfo
}
