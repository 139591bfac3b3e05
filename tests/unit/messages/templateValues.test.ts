import {
  characterStringValue,
  checkTemplateData,
  dateValue,
  fitText,
  numberValue,
  TEMPLATE_VALUE_LENGTH_MAX,
  thingValue,
} from '@shared/messages'

const lengthOf = (text: string) => [...text].length

describe('thingValue', () => {
  it('keeps text of 20 characters or fewer as it is', () => {
    expect(thingValue('小满咖啡')).toBe('小满咖啡')
    expect(thingValue('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十')
  })

  it('cuts longer Chinese text to 19 characters and an ellipsis: 20 characters, not 60 bytes', () => {
    const value = thingValue('一二三四五六七八九十一二三四五六七八九十一')
    expect(value).toBe('一二三四五六七八九十一二三四五六七八九…')
    expect(lengthOf(value)).toBe(20)
  })

  it('counts an emoji as one character and never cuts one in half', () => {
    expect(thingValue('☕️拿铁买一送一🎉')).toBe('☕️拿铁买一送一🎉')
    const value = thingValue('🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉')
    expect(value).toBe(`${'🎉'.repeat(19)}…`)
    expect(lengthOf(value)).toBe(20)
    // A family emoji is five code points: it is kept whole or left out, never split.
    const family = '👨‍👩‍👧'
    const cut = thingValue(`一二三四五六七八九十一二三四五六${family}`)
    expect(cut).toBe('一二三四五六七八九十一二三四五六…')
    expect(lengthOf(cut)).toBeLessThanOrEqual(20)
  })

  it('folds whitespace and answers a dash for empty text (WeChat refuses empty values)', () => {
    expect(thingValue('  大杯\n\t拿铁  ')).toBe('大杯 拿铁')
    expect(thingValue('   ')).toBe('-')
    expect(fitText('', 5, '无')).toBe('无')
  })
})

describe('numberValue, characterStringValue, dateValue', () => {
  it('writes numbers as digits and refuses what is not one', () => {
    expect(numberValue(120)).toEqual({ ok: true, data: '120' })
    expect(numberValue(1.5)).toEqual({ ok: true, data: '1.5' })
    expect(numberValue(Number.NaN)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(numberValue(1e40)).toMatchObject({ ok: false })
  })

  it('refuses codes it would have to cut or that hold other characters', () => {
    expect(characterStringValue('08301234')).toEqual({ ok: true, data: '08301234' })
    expect(characterStringValue('A'.repeat(32))).toMatchObject({ ok: true })
    expect(characterStringValue('A'.repeat(33))).toMatchObject({ ok: false })
    expect(characterStringValue('取货码')).toMatchObject({ ok: false })
  })

  it('writes a day as YYYY年MM月DD日', () => {
    expect(dateValue('2027-01-07')).toEqual({ ok: true, data: '2027年01月07日' })
    expect(dateValue('2027-13-01')).toMatchObject({ ok: false })
  })
})

describe('checkTemplateData', () => {
  it('accepts values that fit and names the first that does not', () => {
    expect(
      checkTemplateData({ thing1: { value: '小满' }, number2: { value: '30' }, date3: { value: '2027年01月07日' } }),
    ).toMatchObject({ ok: true })
    expect(checkTemplateData({ thing1: { value: '一'.repeat(21) } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('thing1'),
    })
    expect(checkTemplateData({ number1: { value: '三十' } })).toMatchObject({ ok: false })
    expect(checkTemplateData({ date1: { value: '2027-01-07' } })).toMatchObject({ ok: false })
    expect(checkTemplateData({ thing1: { value: '' } })).toMatchObject({ ok: false })
    expect(checkTemplateData({ character_string1: { value: '码' } })).toMatchObject({ ok: false })
    expect(checkTemplateData({ value: { value: 'x' } })).toMatchObject({ ok: false })
  })

  it('holds WeChat’s documented lengths', () => {
    expect(TEMPLATE_VALUE_LENGTH_MAX).toMatchObject({ thing: 20, number: 32, character_string: 32, phrase: 5 })
  })
})
