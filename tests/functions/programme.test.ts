import { useFunctionHarness } from './support/functionHarness'

jest.setTimeout(60_000)

describe('programme.get', () => {
  const harness = useFunctionHarness()

  it('answers the stored programme to anyone, members or not, without internals', async () => {
    const answer = await harness.call('programme', 'get', {}, { as: 'o-visitor' })
    expect(answer).toMatchObject({
      ok: true,
      data: {
        brandName: '小满咖啡',
        joinGift: { points: 50, couponCount: 0 },
        profileCompletionPoints: 20,
        tiers: [
          { id: 'regular', growthThreshold: 0 },
          { id: 'silver' },
          { id: 'gold' },
          { id: 'black', growthThreshold: 6000 },
        ],
      },
    })
    expect(JSON.stringify(answer)).not.toContain('retentionGrowth')
  })

  it('refuses input it does not take', async () => {
    await expect(
      harness.callRaw('programme', { action: 'get', input: { tierId: 'x' } }, { as: null }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})
