import type { EarningLine } from '@shared/earning'

/** One line of a purchase's points, as the counter's preview and the member's history both say it. */
export function earningLineText(line: EarningLine): string {
  switch (line.kind) {
    case 'base':
      return `基础积分 ${line.points}`
    case 'tier':
      return `等级加成 ${line.multiplierPercent / 100} 倍 +${line.points}`
    case 'campaign':
      return `${line.name} ${line.multiplierPercent / 100} 倍 +${line.points}`
    case 'cap':
      return `单笔封顶 ${line.capPoints}，扣减 ${line.points}`
  }
}
