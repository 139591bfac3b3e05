import { API, type MallItemDetail } from '@shared/contracts'
import { redemptionCounterIdOf } from '@shared/mall'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import { loadCouponTemplate } from '../../common/couponTemplates'
import type { RedemptionCounterDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { viewerOf } from './catalogue'
import { loadItem } from './documents'
import { itemViewOf } from './itemView'

/**
 * `mall.item`: one item as the caller sees it and, for a coupon item, what the coupon gives. Three
 * database requests at once (member, item, the caller's counter), a fourth for a coupon item.
 */
export const item = defineAction(API.mall.item, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, found, counter] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    loadItem(db, input.itemId),
    readDocument<RedemptionCounterDocument>(
      db.collection('redemptions').doc(redemptionCounterIdOf(memberId.data, input.itemId)),
    ),
  ])
  if (!member.ok && member.code !== 'NOT_A_MEMBER') return member
  if (!found) return err('ITEM_NOT_FOUND')
  const viewer = member.ok ? viewerOf(member.data, counter ? [counter] : [], programme, caller.nowMs) : null
  const coupon = found.couponTemplateId === null ? null : await loadCouponTemplate(db, found.couponTemplateId)
  const result: MallItemDetail = {
    ...itemViewOf(found, viewer, caller.nowMs),
    balance: viewer?.usableBalance ?? null,
    couponTemplate: coupon
      ? {
          id: coupon.template.id,
          title: coupon.template.title,
          description: coupon.template.description ?? null,
          benefit: coupon.template.benefit,
          validity: coupon.template.validity,
        }
      : null,
  }
  return ok(result)
})
