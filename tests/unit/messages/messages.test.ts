import {
  couponExpiryMessage,
  pickupReminderMessage,
  pointsExpiryMessage,
  TEMPLATE_ID_VARIABLES,
  templateIdsFrom,
  templateKeyOf,
} from '@shared/messages'

describe('the messages', () => {
  it('builds the points expiry reminder, long brand names cut to fit', () => {
    expect(pointsExpiryMessage({ brandName: '小满咖啡', points: 120, lastValidDay: '2026-12-31' })).toEqual({
      ok: true,
      data: {
        templateKey: 'pointsExpiry',
        page: 'pages/mall/index',
        data: {
          thing1: { value: '小满咖啡' },
          number2: { value: '120' },
          date3: { value: '2026年12月31日' },
          thing4: { value: '积分即将到期，去积分商城兑换吧' },
        },
      },
    })
    const long = pointsExpiryMessage({
      brandName: '小满咖啡（国贸三期旗舰店）会员俱乐部☕️🎉',
      points: 5,
      lastValidDay: '2026-12-31',
    })
    // ☕️ is two code points (the cup and a variation selector): it does not fit in the 19th place, and is not split.
    expect(long.ok && long.data.data.thing1?.value).toBe('小满咖啡（国贸三期旗舰店）会员俱乐部…')
    expect(pointsExpiryMessage({ brandName: '小满', points: 0, lastValidDay: '2026-12-31' })).toMatchObject({
      ok: false,
    })
  })

  it('builds the coupon expiry reminder', () => {
    const built = couponExpiryMessage({
      couponTitle: '满30减5元券：全场饮品通用，周末也能用哦',
      lastValidDay: '2027-02-28',
    })
    expect(built).toMatchObject({
      ok: true,
      data: { templateKey: 'couponExpiry', page: 'pages/wallet/index', data: { date2: { value: '2027年02月28日' } } },
    })
    expect(built.ok && [...(built.data.data.thing1?.value ?? '')].length).toBe(20)
  })

  it('builds the pickup reminder, refusing a code it would have to cut', () => {
    const options = { itemTitle: '帆布袋', pickupCode: '08301234', storeName: '国贸店', lastPickupDay: '2027-01-07' }
    expect(pickupReminderMessage(options)).toMatchObject({
      ok: true,
      data: { data: { character_string2: { value: '08301234' }, date4: { value: '2027年01月07日' } } },
    })
    expect(pickupReminderMessage({ ...options, pickupCode: '0'.repeat(33) })).toMatchObject({ ok: false })
    expect(pickupReminderMessage({ ...options, lastPickupDay: 'tomorrow' })).toMatchObject({ ok: false })
  })
})

describe('template configuration', () => {
  it('reads template ids from the environment and maps ids back to keys', () => {
    const ids = templateIdsFrom({
      [TEMPLATE_ID_VARIABLES.pointsExpiry]: 'tpl-points',
      [TEMPLATE_ID_VARIABLES.couponExpiry]: '',
    })
    expect(ids).toEqual({ pointsExpiry: 'tpl-points' })
    expect(templateKeyOf(ids, 'tpl-points')).toBe('pointsExpiry')
    expect(templateKeyOf(ids, 'tpl-other')).toBeNull()
  })
})
