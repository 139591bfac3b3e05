import type { ProgrammeDryRun } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { TextField } from '../../components/FormField'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import type { DryRunSample } from '../../utils/programmeDryRunForm'

function SampleInput({
  field,
  label,
  placeholder,
}: {
  field: keyof DryRunSample
  label: string
  placeholder?: string
}) {
  const value = useProgrammeEditorStore((store) => store.sample[field])
  const error = useProgrammeEditorStore((store) => store.sampleErrors[field])
  const setSample = useProgrammeEditorStore((store) => store.setSample)
  const onInput = (text: string) => setSample(field, text)
  return (
    <TextField
      id={`dry-run-${field}`}
      label={label}
      value={value}
      error={error}
      placeholder={placeholder}
      onInput={onInput}
    />
  )
}

const ROWS: readonly { key: keyof ProgrammeDryRun['live']; text: string }[] = [
  { key: 'purchasePoints', text: '消费积分' },
  { key: 'purchaseGrowth', text: '消费成长值' },
  { key: 'checkInPoints', text: '连续签到积分' },
  { key: 'checkInGrowth', text: '连续签到成长值' },
]

function Figures({ result }: { result: ProgrammeDryRun }) {
  const { tierChanges } = result
  return (
    <View id='dry-run-result'>
      <View className='admin-row admin-row--head'>
        <Text>项目</Text>
        <Text>当前（第 {result.liveVersion} 版）</Text>
        <Text>{result.hasDraft ? '草稿' : '草稿（未保存，同当前）'}</Text>
      </View>
      {ROWS.map((row) => (
        <View key={row.key} className='admin-row' id={`dry-run-${row.key}`}>
          <Text>{row.text}</Text>
          <Text id={`dry-run-${row.key}-live`}>{result.live[row.key]}</Text>
          <Text id={`dry-run-${row.key}-draft`}>{result.draft[row.key]}</Text>
        </View>
      ))}
      <Text className='admin-card__note' id='dry-run-tiers'>
        已统计 {result.membersCounted} 位会员：发布后 {tierChanges.upgrades} 位会员在下次获得成长值时升级；
        若本周期不再获得成长值，期末降级 {tierChanges.downgradesAtPeriodEnd} 位（当前规则下
        {tierChanges.downgradesAtPeriodEndLive} 位）。降级只在考核期末进行，不扣积分。
      </Text>
      {tierChanges.onRemovedTier > 0 && (
        <Text className='admin-field__error' id='dry-run-removed'>
          {tierChanges.onRemovedTier} 位会员所在的等级在草稿中不存在，无法发布
        </Text>
      )}
      {result.nextCursor !== null && <Text className='admin-card__note'>正在继续统计…</Text>}
    </View>
  )
}

/** 试算: a sample purchase and check-in streak under the live programme and the saved draft, side by side. */
export function DryRunPanel() {
  const busy = useProgrammeEditorStore((store) => store.busy)
  const result = useProgrammeEditorStore((store) => store.dryRun)
  const runDryRun = useProgrammeEditorStore((store) => store.runDryRun)
  return (
    <View className='admin-card admin-form' id='programme-dry-run'>
      <Text className='admin-card__title'>试算</Text>
      <Text className='admin-card__note'>按已保存的草稿与当前规则分别计算</Text>
      <SampleInput field='amountYuan' label='消费金额（元）' />
      <SampleInput field='tierId' label='会员等级 id' placeholder='如 silver' />
      <SampleInput field='day' label='消费日期' placeholder='YYYY-MM-DD' />
      <SampleInput field='checkInDays' label='连续签到天数' />
      <Button
        className={classNames('button', busy !== null && 'button--disabled')}
        id='dry-run-submit'
        disabled={busy !== null}
        onClick={() => void runDryRun()}
      >
        {busy === 'dryRun' ? '试算中…' : '试算'}
      </Button>
      {result !== null && <Figures result={result} />}
    </View>
  )
}
