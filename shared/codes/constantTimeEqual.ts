/**
 * Whether two strings are equal, taking the same time wherever they differ: every character of the
 * longer one is compared and the differences are OR-ed together, with no early exit, so a forger
 * cannot learn from the response time how many leading characters of a signature were right. A
 * length mismatch is folded into the same accumulator rather than answered early.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  const length = Math.max(a.length, b.length)
  for (let index = 0; index < length; index++) {
    // Past the end charCodeAt gives NaN, which `| 0` turns into 0 without a branch.
    difference |= (a.charCodeAt(index) | 0) ^ (b.charCodeAt(index) | 0)
  }
  return difference === 0
}
