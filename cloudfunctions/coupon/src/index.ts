import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { claim } from './claim'
import { claimable } from './claimable'
import { couponCode } from './couponCode'
import { get } from './getCoupon'
import { preview } from './preview'
import { wallet } from './wallet'

/** `coupon`: the claim centre, claiming, the wallet, one coupon, its counter code and a discount preview. */
export const main = createRouter(API.coupon, { claimable, claim, wallet, get, couponCode, preview }, currentCaller)
