import type { ApiEnvelope, RedeemResult } from '@shared/contracts'
import type { MallItemInput } from '@shared/mall'
import type { FunctionHarness } from '../support/functionHarness'

/** Writes a mall item as an admin would, on sale and open to every tier unless overridden. */
export async function insertItem(
  harness: FunctionHarness,
  overrides: Partial<MallItemInput> & { readonly id: string },
): Promise<string> {
  const { id, ...fields } = overrides
  await harness.db.collection('mall_items').add({
    data: {
      _id: id,
      title: '测试商品',
      description: '',
      image: null,
      kind: 'pickup',
      couponTemplateId: null,
      pointsPrice: 100,
      stock: 10,
      sold: 0,
      perMemberLimit: null,
      tierIds: [],
      saleStartsAtMs: null,
      saleEndsAtMs: null,
      status: 'onSale',
      ...fields,
    },
  })
  return id
}

/** The stored stock and sold count of an item. */
export async function stockOf(harness: FunctionHarness, itemId: string): Promise<{ stock: number; sold: number }> {
  const { data } = await harness.db.collection('mall_items').doc(itemId).get()
  return { stock: data.stock, sold: data.sold }
}

/** A member's stored balance. */
export async function balanceOf(harness: FunctionHarness, memberId: string): Promise<number> {
  const { data } = await harness.db.collection('members').doc(memberId).get()
  return data.points.balance
}

/** The id of the pickup order a redemption answered; throws on any other answer. */
export function orderIdOf(answer: ApiEnvelope<RedeemResult>): string {
  if (!answer.ok || answer.data.redemption.kind !== 'pickup')
    throw new Error(`not a pickup order: ${JSON.stringify(answer)}`)
  return answer.data.redemption.order.id
}
