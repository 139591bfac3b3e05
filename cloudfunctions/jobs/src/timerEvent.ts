/** What CloudBase passes a function its timer trigger fires: `{ Type: 'Timer', TriggerName, Time }`. */
export interface TimerEvent {
  readonly Type: 'Timer'
  readonly TriggerName: string
  readonly Time: string
}

/** Whether an invocation came from the function's timer trigger rather than a caller. */
export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}
