import { memberQueryOf, prefixRangeEnd } from '@shared/admin'

describe('memberQueryOf', () => {
  it.each([
    ['13800138000', { kind: 'phone', phoneNumber: '13800138000' }],
    [' 138-0013-8000 ', { kind: 'phone', phoneNumber: '13800138000' }],
    ['+86 138 0013 8000', { kind: 'phone', phoneNumber: '13800138000' }],
    ['8613800138000', { kind: 'phone', phoneNumber: '13800138000' }],
    ['m0123456789abcdef01234567', { kind: 'memberId', memberId: 'm0123456789abcdef01234567' }],
    ['M0123456789ABCDEF01234567', { kind: 'memberId', memberId: 'm0123456789abcdef01234567' }],
    ['小满', { kind: 'nickname', prefix: '小满' }],
    ['  Ann ', { kind: 'nickname', prefix: 'Ann' }],
    ['1380013800', { kind: 'nickname', prefix: '1380013800' }],
    ['23800138000', { kind: 'nickname', prefix: '23800138000' }],
  ])('reads %p as %o', (text, query) => {
    expect(memberQueryOf(text)).toEqual(query)
  })
})

describe('prefixRangeEnd', () => {
  it('bounds exactly the strings that start with the prefix', () => {
    const end = prefixRangeEnd('小满')
    const inRange = (value: string) => value >= '小满' && value < end
    expect(['小满', '小满咖啡', '小满🙂'].every(inRange)).toBe(true)
    expect(['小米', '小', '小满'.slice(0, 1), '小溪'].some(inRange)).toBe(false)
    expect(prefixRangeEnd('Ann')).toBe('Ano')
  })
})
