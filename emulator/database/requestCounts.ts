/** Invocations whose counts are kept; the oldest are forgotten beyond it. */
export const INVOCATIONS_TRACKED_MAX = 10_000

/** Requests made by one invocation (or by everyone), in total and per protocol action. */
export interface RequestTally {
  readonly total: number
  readonly byAction: Readonly<Record<string, number>>
}

/** The report served at GET /__emulator/requests. */
export interface RequestCountReport extends RequestTally {
  /** Requests that carried no invocation id (the caller set no TCB_SEQID). */
  readonly unattributed: number
  readonly byInvocation: Readonly<Record<string, RequestTally>>
}

interface MutableTally {
  total: number
  byAction: Record<string, number>
}

function tally(target: MutableTally, action: string): void {
  target.total += 1
  target.byAction[action] = (target.byAction[action] ?? 0) + 1
}

function copy(source: MutableTally): RequestTally {
  return { total: source.total, byAction: { ...source.byAction } }
}

/**
 * Counts protocol requests globally and per calling invocation. The invocation is the TCB_SEQID the function
 * host sets in each invocation's environment: the SDK sends `seqId=<TCB_SEQID>-<eventId>` on every request.
 */
export class RequestCounter {
  private global: MutableTally = { total: 0, byAction: {} }
  private unattributed = 0
  private readonly invocations = new Map<string, MutableTally>()

  /** Records one request. */
  record(action: string, invocationId: string | null): void {
    tally(this.global, action)
    if (invocationId === null) {
      this.unattributed += 1
      return
    }
    let entry = this.invocations.get(invocationId)
    if (!entry) {
      entry = { total: 0, byAction: {} }
      this.invocations.set(invocationId, entry)
      if (this.invocations.size > INVOCATIONS_TRACKED_MAX) {
        const oldest = this.invocations.keys().next().value
        if (oldest !== undefined) this.invocations.delete(oldest)
      }
    }
    tally(entry, action)
  }

  /** The counts of one invocation (zero when it made no request). */
  forInvocation(invocationId: string): RequestTally {
    const entry = this.invocations.get(invocationId)
    return entry ? copy(entry) : { total: 0, byAction: {} }
  }

  /** Every count. */
  report(): RequestCountReport {
    const byInvocation: Record<string, RequestTally> = {}
    for (const [id, entry] of this.invocations) byInvocation[id] = copy(entry)
    return { ...copy(this.global), unattributed: this.unattributed, byInvocation }
  }

  /** Starts counting from zero. */
  clear(): void {
    this.global = { total: 0, byAction: {} }
    this.unattributed = 0
    this.invocations.clear()
  }
}

const EVENT_ID_SUFFIX = /-[0-9a-f]+_[0-9a-f]+$/

/** The invocation a request belongs to: its seqId without the SDK's own `-<time>_<counter>` suffix. */
export function invocationIdOfSeqId(seqId: string | null): string | null {
  if (!seqId) return null
  const match = EVENT_ID_SUFFIX.exec(seqId)
  if (!match || match.index === 0) return null
  return seqId.slice(0, match.index)
}
