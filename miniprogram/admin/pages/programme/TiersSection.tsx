import { Text, View } from '@tarojs/components'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { ProgrammeField, Section } from './ProgrammeField'

function tierCount(form: Record<string, unknown>): number {
  return Array.isArray(form.tiers) ? form.tiers.length : 0
}

function TierFields({ index }: { index: number }) {
  const path = (...rest: string[]) => ['tiers', index, ...rest]
  return (
    <View className='admin-subcard' id={`programme-tier-${index}`}>
      <Text className='admin-card__note'>第 {index + 1} 级</Text>
      <ProgrammeField path={path('name')} label='名称' kind='text' />
      <ProgrammeField path={path('growthThreshold')} label='成长值门槛' />
      <ProgrammeField path={path('retentionGrowth')} label='保级成长值（每个考核周期）' />
      <ProgrammeField path={path('pointsMultiplierPercent')} label='积分倍数（%，150 = 1.5 倍）' />
      <ProgrammeField path={path('memberPricePercent')} label='会员价（%，95 = 9.5 折）' />
      <ProgrammeField path={path('birthdayGift', 'points')} label='生日礼积分' />
      <ProgrammeField path={path('birthdayGift', 'couponTemplateIds')} label='生日礼优惠券模板 id' kind='list' />
      <ProgrammeField path={path('upgradeGift', 'points')} label='升级礼积分' />
      <ProgrammeField path={path('upgradeGift', 'couponTemplateIds')} label='升级礼优惠券模板 id' kind='list' />
    </View>
  )
}

/**
 * 等级: each tier's name, thresholds, multiplier, discount and gifts. Tiers are not added or removed
 * here: members hold tier ids, and publishing refuses a draft that drops one.
 */
export function TiersSection() {
  const count = useProgrammeEditorStore((store) => tierCount(store.form))
  return (
    <Section id='tiers' title='等级' path={['tiers']}>
      <Text className='admin-card__note' id='programme-tiers-note'>
        调整门槛不会扣减积分：下调后已达标的会员由「门槛调整升级」任务当天升级（可在任务页立即运行），降级只在考核周期结束时进行。
      </Text>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fields are addressed by position and keep no state of their own
        <TierFields key={index} index={index} />
      ))}
    </Section>
  )
}
