import type { TemplateKey } from '@shared/messages'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { type AskOutcome, askForMessages, canAskForMessages } from '@/api/subscribeMessages'
import { classNames } from '@/utils/classNames'
import './MessageOptIn.css'

const OUTCOME_TEXT: Readonly<Record<AskOutcome, string>> = {
  accepted: '已开启，到期前会提醒你一次',
  declined: '未开启提醒',
  failed: '没能开启提醒，请稍后再试',
}

/**
 * A button that asks for one reminder message, where the member sees what it is for; WeChat allows
 * the dialog only on a tap. Shows nothing when the build has no template for `keys`.
 */
export function MessageOptIn(props: { keys: readonly TemplateKey[]; label: string; id: string }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<AskOutcome | null>(null)
  if (!canAskForMessages(props.keys)) return null

  async function onTap() {
    if (busy) return
    setBusy(true)
    const answered = await askForMessages(props.keys)
    setOutcome(answered)
    setBusy(false)
  }

  return (
    <View className='message-opt-in'>
      {outcome === 'accepted' ? null : (
        <Button
          className={classNames('button button--small', busy && 'button--disabled')}
          id={props.id}
          disabled={busy}
          onClick={() => void onTap()}
        >
          {props.label}
        </Button>
      )}
      {outcome !== null && (
        <Text className='message-opt-in__outcome' id={`${props.id}-outcome`}>
          {OUTCOME_TEXT[outcome]}
        </Text>
      )}
    </View>
  )
}
