import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { acceptInvite } from './acceptInvite'
import { createInvite } from './createInvite'
import { me } from './me'
import { previewPurchase } from './previewPurchase'
import { recordPurchase } from './recordPurchase'
import { requestApproval } from './requestApproval'
import { resolveMemberCode } from './resolveMemberCode'
import { reversePurchase } from './reversePurchase'
import { today } from './today'
import { unbind } from './unbind'
import { verifyCoupon } from './verifyCoupon'
import { verifyPickup } from './verifyPickup'

/**
 * `staff`: the counter (member codes, purchases, coupon and pickup verification, reversals), staff
 * binding (invites, unbinding) and today's audit log. Every action resolves the caller's role from
 * `staff/<OPENID>`, never from the payload.
 */
export const main = createRouter(
  API.staff,
  {
    me,
    createInvite,
    acceptInvite,
    unbind,
    resolveMemberCode,
    previewPurchase,
    recordPurchase,
    requestApproval,
    verifyCoupon,
    verifyPickup,
    reversePurchase,
    today,
  },
  currentCaller,
)
