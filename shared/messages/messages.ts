/**
 * The messages the programme sends, each built for its template's fields. The keyword keys below
 * are those of the WeChat library templates to pick for each kind (积分到期提醒, 优惠券到期提醒,
 * 取货提醒); an operator who picks another template with other keys changes them here.
 */
import { err, ok, type Result } from '../result'
import type { DayKey } from '../time/calendarDay'
import { checkTemplateData, type TemplateData } from './templateData'
import type { TemplateKey } from './templateKeys'
import { characterStringValue, dateValue, numberValue, thingValue } from './templateValues'

/** One message to send: which template, the page it opens, the values. */
export interface SubscribeMessage {
  readonly templateKey: TemplateKey
  /** The mini-program page the message opens, as `subscribeMessage.send` takes it. */
  readonly page: string
  readonly data: TemplateData
}

type Built = Result<SubscribeMessage, 'INVALID_INPUT'>

function messageOf(templateKey: TemplateKey, page: string, data: TemplateData): Built {
  const checked = checkTemplateData(data)
  return checked.ok ? ok({ templateKey, page, data: checked.data }) : checked
}

/** 积分到期提醒: 品牌 thing1, 到期积分 number2, 到期日期 date3 (the last day they can be used), 温馨提示 thing4. */
export function pointsExpiryMessage(options: {
  readonly brandName: string
  readonly points: number
  readonly lastValidDay: DayKey
}): Built {
  const points = numberValue(options.points)
  const date = dateValue(options.lastValidDay)
  if (!points.ok) return points
  if (!date.ok) return date
  if (options.points <= 0) return err('INVALID_INPUT', '到期积分应大于 0')
  return messageOf('pointsExpiry', 'pages/mall/index', {
    thing1: { value: thingValue(options.brandName) },
    number2: { value: points.data },
    date3: { value: date.data },
    thing4: { value: thingValue('积分即将到期，去积分商城兑换吧') },
  })
}

/** 优惠券到期提醒: 券名称 thing1, 到期日期 date2 (its last valid day), 温馨提示 thing3. */
export function couponExpiryMessage(options: { readonly couponTitle: string; readonly lastValidDay: DayKey }): Built {
  const date = dateValue(options.lastValidDay)
  if (!date.ok) return date
  return messageOf('couponExpiry', 'pages/wallet/index', {
    thing1: { value: thingValue(options.couponTitle) },
    date2: { value: date.data },
    thing3: { value: thingValue('优惠券即将过期，记得到店使用') },
  })
}

/** 取货提醒: 商品 thing1, 取货码 character_string2, 取货门店 thing3, 截止日期 date4. */
export function pickupReminderMessage(options: {
  readonly itemTitle: string
  readonly pickupCode: string
  readonly storeName: string
  readonly lastPickupDay: DayKey
}): Built {
  const code = characterStringValue(options.pickupCode)
  const date = dateValue(options.lastPickupDay)
  if (!code.ok) return code
  if (!date.ok) return date
  return messageOf('pickupReminder', 'pages/orders/index', {
    thing1: { value: thingValue(options.itemTitle) },
    character_string2: { value: code.data },
    thing3: { value: thingValue(options.storeName) },
    date4: { value: date.data },
  })
}
