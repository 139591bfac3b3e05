import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import { render, screen } from '@testing-library/react'
import HomePage from '@/pages/index/index'

describe('the home page', () => {
  it('shows the brand and every tier of the programme from the shared core, entry tier first', () => {
    const { container } = render(<HomePage />)
    expect(screen.getByText('小满咖啡')).toBeTruthy()
    const names = [...container.querySelectorAll('.tier-ladder__name')].map((node) => node.textContent)
    expect(names).toEqual(DEMO_PROGRAMME.tiers.map((tier) => tier.name))
  })

  it('shows what each tier needs and gives', () => {
    const { container } = render(<HomePage />)
    expect(container.querySelector('#tier-regular')?.textContent).toContain('入会即享')
    expect(container.querySelector('#tier-gold')?.textContent).toContain('成长值 2000')
    expect(container.querySelector('#tier-black')?.textContent).toContain('专属兑换商品')
  })
})
