import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { valueAt } from '../../utils/programmeForm'
import { AddItem, ListItem, useListItems } from './ListItem'
import { ProgrammeChoice, ProgrammeField, ProgrammeToggle, Section } from './ProgrammeField'

const BONUSES = ['checkIn', 'streakBonuses'] as const

const CYCLES = [
  { value: 'rolling', text: '固定天数循环' },
  { value: 'calendarMonth', text: '每自然月重新开始' },
] as const

function CycleFields() {
  const kind = useProgrammeEditorStore((store) => valueAt(store.form, ['checkIn', 'cycle', 'kind']))
  return (
    <>
      <ProgrammeChoice
        path={['checkIn', 'cycle']}
        label='连续签到周期'
        choices={CYCLES}
        valueFor={(choice) => (choice === 'rolling' ? { kind: 'rolling', lengthDays: 7 } : { kind: 'calendarMonth' })}
        selectedOf={(value) => (value as { kind?: string } | undefined)?.kind}
      />
      {kind === 'rolling' && <ProgrammeField path={['checkIn', 'cycle', 'lengthDays']} label='周期天数' />}
    </>
  )
}

function StreakBonuses() {
  const bonuses = useListItems(BONUSES)
  return (
    <>
      {bonuses.map((_, index) => (
        <ListItem
          // biome-ignore lint/suspicious/noArrayIndexKey: fields are addressed by position and keep no state of their own
          key={index}
          path={BONUSES}
          index={index}
          title={`连续签到奖励 ${index + 1}`}
          id={`programme-bonus-${index}`}
        >
          <ProgrammeField path={[...BONUSES, index, 'cycleDay']} label='连续第几天' />
          <ProgrammeField path={[...BONUSES, index, 'points']} label='额外积分' />
          <ProgrammeField path={[...BONUSES, index, 'growth']} label='额外成长值' />
        </ListItem>
      ))}
      <AddItem
        path={BONUSES}
        id='programme-bonus-add'
        text='添加连续签到奖励'
        item={() => ({ cycleDay: bonuses.length + 2, points: 10, growth: 0 })}
      />
    </>
  )
}

/** 签到: the daily base, the cycle and its streak bonuses, makeup check-ins. */
export function CheckInSection() {
  return (
    <Section id='checkIn' title='签到' path={['checkIn']}>
      <ProgrammeToggle path={['checkIn', 'enabled']} label='签到活动' />
      <ProgrammeField path={['checkIn', 'basePoints']} label='每日签到积分' />
      <ProgrammeField path={['checkIn', 'baseGrowth']} label='每日签到成长值' />
      <CycleFields />
      <StreakBonuses />
      <ProgrammeToggle path={['checkIn', 'makeup', 'enabled']} label='补签' />
      <ProgrammeField path={['checkIn', 'makeup', 'windowDays']} label='可补签最近几天' />
      <ProgrammeField path={['checkIn', 'makeup', 'monthlyLimit']} label='每月补签次数' />
      <ProgrammeField path={['checkIn', 'makeup', 'costPoints']} label='每次补签消耗积分' />
    </Section>
  )
}
