import { API } from '@shared/contracts'
import { displayText, isDisplayable } from '@shared/validation/displayText'

describe('displayText', () => {
  const nickname = displayText({ min: 1, max: 20 })

  it.each([
    ['NUL', 'a\u0000b'],
    ['escape', 'a\u001b[31mb'],
    ['a line break in a single line', '小满\n店长'],
    ['a C1 control', 'a\u0085b'],
    ['a zero-width space', 'a\u200bb'],
    ['a right-to-left override', '\u202etxt.exe'],
    ['a right-to-left isolate', 'a\u2067b\u2069'],
    ['a left-to-right mark', 'a\u200eb'],
    ['a word joiner', 'a\u2060b'],
    ['a byte-order mark inside', '小\ufeff满'],
    ['a line separator', 'a\u2028b'],
  ])('refuses %s', (_what, text) => {
    expect(isDisplayable(text)).toBe(false)
    expect(nickname.safeParse(text).success).toBe(false)
  })

  it.each([
    ['Chinese', '小满咖啡'],
    ['an emoji with a zero-width joiner', '👩‍🍳 阿满'],
    ['an emoji with a variation selector', '☕️'],
    ['a subdivision flag built from tag characters', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['Latin with accents', 'Zoë'],
  ])('accepts %s', (_what, text) => {
    expect(nickname.parse(text)).toBe(text)
  })

  it('allows line breaks only in multi-line text, and still trims and bounds the length', () => {
    const description = displayText({ max: 10, multiline: true })
    expect(description.parse(' 第一行\n第二行 ')).toBe('第一行\n第二行')
    expect(description.safeParse('第一行\n\u202e第二行').success).toBe(false)
    expect(description.safeParse('一二三四五六七八九十十一').success).toBe(false)
  })

  it('guards the free text of every action input that someone else reads', () => {
    const hidden = 'a\u202eb'
    expect(API.member.updateProfile.input.safeParse({ nickname: hidden }).success).toBe(false)
    expect(API.staff.acceptInvite.input.safeParse({ code: 'ABCDEFGH', name: hidden }).success).toBe(false)
    expect(API.staff.reversePurchase.input.safeParse({ purchaseEntryId: 'purchase_1', reason: hidden }).success).toBe(
      false,
    )
  })
})
