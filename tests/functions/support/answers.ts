import type { ApiEnvelope } from '@shared/contracts'

/** The data of an ok answer; throws with the code and message of any other. */
export function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`)
  return answer.data
}

/** Answers counted by code (`ok` for a success), for asserting what every racer got. */
export function tally(answers: readonly ApiEnvelope<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const answer of answers) {
    const key = answer.ok ? 'ok' : answer.code
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
