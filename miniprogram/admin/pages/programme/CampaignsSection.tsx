import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { valueAt } from '../../utils/programmeForm'
import { AddItem, ListItem, useListItems } from './ListItem'
import { ProgrammeChoice, ProgrammeField, Section } from './ProgrammeField'

const PATH = ['earning', 'campaigns'] as const

const RULES = [
  { value: 'weekdays', text: '每周固定日' },
  { value: 'dateRange', text: '日期区间' },
  { value: 'birthdayMonth', text: '生日月' },
] as const
type RuleKind = (typeof RULES)[number]['value']

const RULE_DEFAULTS: Readonly<Record<RuleKind, unknown>> = {
  weekdays: { kind: 'weekdays', weekdays: [3] },
  dateRange: { kind: 'dateRange', fromDay: '', toDay: '' },
  birthdayMonth: { kind: 'birthdayMonth' },
}

function RuleFields({ index }: { index: number }) {
  const kind = useProgrammeEditorStore((store) => valueAt(store.form, [...PATH, index, 'rule', 'kind']))
  const rule = [...PATH, index, 'rule']
  return (
    <>
      <ProgrammeChoice
        path={rule}
        label='适用日'
        choices={RULES}
        valueFor={(choice) => RULE_DEFAULTS[choice]}
        selectedOf={(value) => (value as { kind?: string } | undefined)?.kind}
      />
      {kind === 'weekdays' && (
        <ProgrammeField path={[...rule, 'weekdays']} label='星期（1 周一 … 7 周日，逗号分隔）' kind='intList' />
      )}
      {kind === 'dateRange' && (
        <>
          <ProgrammeField path={[...rule, 'fromDay']} label='开始日期（YYYY-MM-DD）' kind='text' />
          <ProgrammeField path={[...rule, 'toDay']} label='结束日期（YYYY-MM-DD）' kind='text' />
        </>
      )}
    </>
  )
}

/** 活动（多倍积分日）: each campaign's name, multiplier and the days it applies. */
export function CampaignsSection() {
  const campaigns = useListItems(PATH)
  return (
    <Section id='campaigns' title='活动（多倍积分日）' path={PATH}>
      {campaigns.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fields are addressed by position and keep no state of their own
        <ListItem key={index} path={PATH} index={index} title={`活动 ${index + 1}`} id={`programme-campaign-${index}`}>
          <ProgrammeField path={[...PATH, index, 'id']} label='活动 id' kind='text' />
          <ProgrammeField path={[...PATH, index, 'name']} label='名称' kind='text' />
          <ProgrammeField path={[...PATH, index, 'multiplierPercent']} label='积分倍数（%，200 = 双倍）' />
          <RuleFields index={index} />
        </ListItem>
      ))}
      <AddItem
        path={PATH}
        id='programme-campaign-add'
        text='添加双倍积分日'
        item={() => ({
          id: `campaign-${campaigns.length + 1}`,
          name: '双倍积分日',
          multiplierPercent: 200,
          rule: RULE_DEFAULTS.weekdays,
        })}
      />
    </Section>
  )
}
