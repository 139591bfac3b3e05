/** Invocations whose counts are kept; the oldest are forgotten beyond it. */
export const INVOCATIONS_TRACKED_MAX = 10_000

/** Requests made by one invocation (or by everyone), in total and per protocol action. */
export interface RequestTally {
  readonly total: number
  readonly byAction: Readonly<Record<string, number>>
}

/** Requests made by one invocation, with how many round trips it waited for one after another. */
export interface InvocationTally extends RequestTally {
  /**
   * Sequential round trips: the length of the longest chain of this invocation's requests in which each
   * request arrived after the one before it had been answered. Requests sent together (`Promise.all`) share a
   * round; a request sent once another has come back starts the next one. See `RequestCounter.requestArrived`.
   */
  readonly rounds: number
}

/** The report served at GET /__emulator/requests. */
export interface RequestCountReport extends RequestTally {
  /** Requests that carried no invocation id (the caller set no TCB_SEQID). */
  readonly unattributed: number
  readonly byInvocation: Readonly<Record<string, InvocationTally>>
}

interface MutableTally {
  total: number
  byAction: Record<string, number>
}

interface MutableInvocationTally extends MutableTally {
  rounds: number
  /** The largest round of a request of this invocation that has been answered. */
  answeredRoundMax: number
}

function tally(target: MutableTally, action: string): void {
  target.total += 1
  target.byAction[action] = (target.byAction[action] ?? 0) + 1
}

function copy(source: MutableTally): RequestTally {
  return { total: source.total, byAction: { ...source.byAction } }
}

function copyInvocation(source: MutableInvocationTally): InvocationTally {
  return { ...copy(source), rounds: source.rounds }
}

/**
 * Counts protocol requests globally and per calling invocation. The invocation is the TCB_SEQID the function
 * host sets in each invocation's environment: the SDK sends `seqId=<TCB_SEQID>-<eventId>` on every request.
 */
export class RequestCounter {
  private global: MutableTally = { total: 0, byAction: {} }
  private unattributed = 0
  private readonly invocations = new Map<string, MutableInvocationTally>()

  /** Records one request. */
  record(action: string, invocationId: string | null): void {
    tally(this.global, action)
    if (invocationId === null) this.unattributed += 1
    else tally(this.entryOf(invocationId), action)
  }

  /**
   * Marks the arrival of a request and answers the function to call once it has been answered. A request's
   * round is one more than the largest round of the invocation's requests answered before it arrived, so
   * requests in flight together share a round and a request sent after an answer starts a new one; the
   * invocation's `rounds` is the largest round any of its requests had. That is the number of round trips the
   * invocation waited for one after another: with a network delay of d per request it took at least rounds × d.
   * Arrival order stands in for "sent after": read rounds with a request delay set, so that requests sent
   * together arrive while the first is still in flight.
   */
  requestArrived(invocationId: string | null): () => void {
    if (invocationId === null) return () => {}
    const entry = this.entryOf(invocationId)
    const round = entry.answeredRoundMax + 1
    entry.rounds = Math.max(entry.rounds, round)
    return () => {
      entry.answeredRoundMax = Math.max(entry.answeredRoundMax, round)
    }
  }

  /** The counts of one invocation (zero when it made no request). */
  forInvocation(invocationId: string): InvocationTally {
    const entry = this.invocations.get(invocationId)
    return entry ? copyInvocation(entry) : { total: 0, byAction: {}, rounds: 0 }
  }

  /** Every count. */
  report(): RequestCountReport {
    const byInvocation: Record<string, InvocationTally> = {}
    for (const [id, entry] of this.invocations) byInvocation[id] = copyInvocation(entry)
    return { ...copy(this.global), unattributed: this.unattributed, byInvocation }
  }

  /** Starts counting from zero. */
  clear(): void {
    this.global = { total: 0, byAction: {} }
    this.unattributed = 0
    this.invocations.clear()
  }

  private entryOf(invocationId: string): MutableInvocationTally {
    const existing = this.invocations.get(invocationId)
    if (existing) return existing
    const entry: MutableInvocationTally = { total: 0, byAction: {}, rounds: 0, answeredRoundMax: 0 }
    this.invocations.set(invocationId, entry)
    if (this.invocations.size > INVOCATIONS_TRACKED_MAX) {
      const oldest = this.invocations.keys().next().value
      if (oldest !== undefined) this.invocations.delete(oldest)
    }
    return entry
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
