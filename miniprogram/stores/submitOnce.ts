/**
 * One request per intent, whatever the taps: wraps a store's write action (check-in, claim,
 * cancel, record, verify, reverse, save…) so that a call made while an earlier one is still on its
 * way sends nothing and resolves to null. Buttons also disable while busy, but a fast double tap
 * lands before the page re-renders; this is the one place that holds the line.
 * Callers announce only answers they got (a null means another tap's answer is on its way).
 */
export function submitOnce<Args extends unknown[], Answer>(
  action: (...args: Args) => Promise<Answer>,
): (...args: Args) => Promise<Answer | null> {
  let inFlight = false
  return async (...args) => {
    if (inFlight) return null
    inFlight = true
    try {
      return await action(...args)
    } finally {
      inFlight = false
    }
  }
}
