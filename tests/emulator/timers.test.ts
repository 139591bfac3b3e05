import path from 'node:path'
import { cronMatches, parseCron } from '../../emulator/functions/cron'
import { FunctionHost } from '../../emulator/functions/host'
import { declaredTimers, fireDueTimers } from '../../emulator/functions/timers'
import { parseJobCommand } from '../../emulator/runJob'

/** An instant given in UTC+8, as CloudBase reads cron. */
const shanghai = (text: string) => Date.parse(`${text}+08:00`)

describe('timer cron, as CloudBase reads it (seven fields, UTC+8)', () => {
  it('fires every ten minutes on the second 0', () => {
    const every10 = parseCron('0 */10 * * * * *')
    expect(cronMatches(every10, shanghai('2027-01-01T00:00:00'))).toBe(true)
    expect(cronMatches(every10, shanghai('2027-01-01T00:50:00.999'))).toBe(true)
    expect(cronMatches(every10, shanghai('2027-01-01T00:50:01'))).toBe(false)
    expect(cronMatches(every10, shanghai('2027-01-01T00:55:00'))).toBe(false)
  })

  it('reads hours in UTC+8, lists, ranges, weekdays (7 is Sunday) and years', () => {
    const twoAmWeekdays = parseCron('0 0 2 * * 1-5 *')
    expect(cronMatches(twoAmWeekdays, shanghai('2027-01-04T02:00:00'))).toBe(true) // a Monday
    expect(cronMatches(twoAmWeekdays, Date.UTC(2027, 0, 4, 2))).toBe(false) // 02:00 UTC is 10:00 in UTC+8
    expect(cronMatches(twoAmWeekdays, shanghai('2027-01-03T02:00:00'))).toBe(false) // a Sunday
    expect(cronMatches(parseCron('30 15 8,20 1 1 7 2027'), shanghai('2027-01-01T20:15:30'))).toBe(false) // a Friday
    expect(cronMatches(parseCron('30 15 8,20 3 1 0 2027'), shanghai('2027-01-03T20:15:30'))).toBe(true)
    expect(cronMatches(parseCron('0 0 0 1 1 7 *'), shanghai('2023-01-01T00:00:00'))).toBe(true) // Sunday as 7
  })

  it.each([
    ['six fields', '0 */10 * * * *'],
    ['a minute of 60', '0 60 * * * * *'],
    ['a step of 0', '*/0 * * * * * *'],
    ['a backwards range', '0 0 5-2 * * * *'],
    ['words', '0 0 * * * MON *'],
  ])('refuses %s', (_case, expression) => {
    expect(() => parseCron(expression)).toThrow(RangeError)
  })
})

describe('timer triggers in the local cloud', () => {
  const functionsRoot = path.resolve(__dirname, '..', '..', 'cloudfunctions')

  it('finds the jobs function’s timer in its config.json', () => {
    expect(declaredTimers(functionsRoot).map(({ functionName, triggerName }) => [functionName, triggerName])).toEqual([
      ['jobs', 'dispatch'],
    ])
  })

  it('invokes a due timer with CloudBase’s timer event and no user, and nothing that is not due', async () => {
    const fixtures = path.join(__dirname, 'fixtures', 'functions')
    const host = new FunctionHost({ functionsRoot: fixtures, environment: {}, instancesPerFunction: 1 })
    try {
      const timers = [{ functionName: 'echo', triggerName: 'tick', schedule: parseCron('0 */10 * * * * *') }]
      const atMs = shanghai('2027-01-01T00:10:00')
      const [answer] = (await Promise.all(fireDueTimers(host, timers, atMs))) as { event: unknown }[]
      expect(answer?.event).toEqual({ Type: 'Timer', TriggerName: 'tick', Time: '2026-12-31T16:10:00.000Z' })
      expect(fireDueTimers(host, timers, atMs + 1000)).toEqual([])
    } finally {
      await host.stop()
    }
  })
})

describe('npm run job', () => {
  it('reads the job, the instant and a dry run', () => {
    expect(parseJobCommand(['expirePoints', '--at', '2028-01-01T00:00:01+08:00', '--dry-run'], 0)).toEqual({
      job: 'expirePoints',
      atMs: Date.UTC(2027, 11, 31, 16, 0, 1),
      dryRun: true,
    })
    expect(parseJobCommand(['expirePoints'], 42)).toEqual({ job: 'expirePoints', atMs: 42, dryRun: false })
  })

  it.each([
    [[], 'name a job: expirePoints'],
    [['expirePoints', '--at', 'tomorrow'], '--at takes an instant'],
    [['expirePoints', '--now'], 'unknown option --now'],
  ])('explains %j', (args, message) => {
    expect(() => parseJobCommand(args, 0)).toThrow(message)
  })
})
