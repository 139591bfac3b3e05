import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { card } from './card'
import { history } from './history'
import { join } from './join'
import { memberCode } from './memberCode'
import { profile, updateProfile } from './profile'
import { recordSubscriptions } from './subscriptions'
import { dismissTierNotice } from './tierNotice'

/**
 * `member`: joining, the member card (and its tier-change line), the member code, the points
 * history, the profile and message opt-ins.
 */
export const main = createRouter(
  API.member,
  { join, card, dismissTierNotice, memberCode, history, profile, updateProfile, recordSubscriptions },
  currentCaller,
)
