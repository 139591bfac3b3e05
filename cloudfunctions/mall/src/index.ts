import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { cancelOrder } from './cancelOrder'
import { catalogue } from './catalogue'
import { item } from './item'
import { orders } from './orders'
import { redeem } from './redeem'

/** `mall`: the points-mall catalogue, item detail, redemption, pickup orders and cancelling one. */
export const main = createRouter(API.mall, { catalogue, item, redeem, orders, cancelOrder }, currentCaller)
