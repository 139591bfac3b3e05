import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { valueAt } from '../../utils/programmeForm'
import { ProgrammeChoice, ProgrammeField, Section } from './ProgrammeField'

const POLICIES = [
  { value: 'never', text: '永不过期' },
  { value: 'afterDays', text: '获得后 N 天' },
  { value: 'endOfFollowingYear', text: '次年 12 月 31 日' },
] as const

const POLICY_DEFAULTS: Readonly<Record<(typeof POLICIES)[number]['value'], unknown>> = {
  never: { kind: 'never' },
  afterDays: { kind: 'afterDays', days: 365 },
  endOfFollowingYear: { kind: 'endOfFollowingYear' },
}

/** 积分有效期, and the clock the whole programme runs on: time zone and business-day cutoff. */
export function ExpirySection() {
  const kind = useProgrammeEditorStore((store) => valueAt(store.form, ['pointsExpiry', 'kind']))
  return (
    <Section id='expiry' title='积分有效期与营业日' path={['pointsExpiry']}>
      <ProgrammeChoice
        path={['pointsExpiry']}
        label='积分有效期'
        choices={POLICIES}
        valueFor={(choice) => POLICY_DEFAULTS[choice]}
        selectedOf={(value) => (value as { kind?: string } | undefined)?.kind}
      />
      {kind === 'afterDays' && <ProgrammeField path={['pointsExpiry', 'days']} label='有效天数' />}
      <ProgrammeField path={['timeZone']} label='时区（如 Asia/Shanghai）' kind='text' />
      <ProgrammeField path={['businessDayCutoffHour']} label='营业日分界时刻（0–23 点）' />
    </Section>
  )
}
