import type { ApiEnvelope, UpdateProfileResult } from '@shared/contracts'
import Taro from '@tarojs/taro'

/** Tells the member how a save went: the refusal, the completion reward, or 已保存. */
export async function announce(answer: ApiEnvelope<UpdateProfileResult> | null): Promise<void> {
  // Another tap's save is on its way: that one speaks.
  if (answer === null) return
  if (!answer.ok) {
    await Taro.showToast({ title: answer.message, icon: 'none' })
    return
  }
  const points = answer.data.completionPoints
  await Taro.showToast({
    title: points > 0 ? `资料已完善，获得 ${points} 积分` : '已保存',
    icon: points > 0 ? 'none' : 'success',
  })
}
