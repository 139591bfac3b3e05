import { ProgrammeChoice, ProgrammeField, Section } from './ProgrammeField'

const STACKING = [
  { value: 'stack', text: '叠加（倍数相乘）' },
  { value: 'highest', text: '只取最高' },
] as const

/** 消费积分: the rate, rounding (always down per purchase, said here), the cap and campaign stacking. */
export function EarningSection() {
  return (
    <Section id='earning' title='消费积分' path={['earning']}>
      <ProgrammeField path={['earning', 'points', 'amount']} label='每消费 N 元得积分：积分数' />
      <ProgrammeField path={['earning', 'points', 'perYuan']} label='每消费 N 元得积分：N（元）' />
      <ProgrammeField path={['earning', 'growth', 'amount']} label='每消费 N 元得成长值：成长值' />
      <ProgrammeField path={['earning', 'growth', 'perYuan']} label='每消费 N 元得成长值：N（元）' />
      <ProgrammeField
        path={['earning', 'pointsCapPerPurchase']}
        label='单笔积分上限（留空为不限；每步向下取整）'
        kind='nullableInt'
      />
      <ProgrammeChoice path={['earning', 'campaignStacking']} label='多个活动同时适用时' choices={STACKING} />
    </Section>
  )
}
