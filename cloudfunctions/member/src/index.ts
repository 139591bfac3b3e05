import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { card } from './card'
import { history } from './history'
import { join } from './join'
import { memberCode } from './memberCode'
import { profile, updateProfile } from './profile'
import { dismissTierNotice } from './tierNotice'

/** `member`: joining, the member card (and its tier-change line), the member code, the points history and the profile. */
export const main = createRouter(
  API.member,
  { join, card, dismissTierNotice, memberCode, history, profile, updateProfile },
  currentCaller,
)
