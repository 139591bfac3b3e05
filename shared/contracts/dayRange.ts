import { z } from 'zod'
import { daysBetween, isDayKey } from '../time/calendarDay'

/** A business day as a contract field. */
export const dayKeySchema = z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD')

/**
 * The issues of a range `from`…`to` the caller gave (both required): each missing end, an end before the start, or
 * more than `daysMax` days (`tooLong` says so for the action). A day that is not one is its field's own issue.
 */
export function checkDayRange(
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
  context: z.RefinementCtx,
  limit: { readonly daysMax: number; readonly tooLong: string },
): void {
  if (range.from === undefined || range.to === undefined) {
    context.addIssue({ code: 'custom', path: [range.from === undefined ? 'from' : 'to'], message: '请选择日期范围' })
    return
  }
  if (!isDayKey(range.from) || !isDayKey(range.to)) return
  if (range.to < range.from) context.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
  else if (daysBetween(range.from, range.to) + 1 > limit.daysMax)
    context.addIssue({ code: 'custom', path: ['to'], message: limit.tooLong })
}
