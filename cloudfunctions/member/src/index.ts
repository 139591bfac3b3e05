import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { card } from './card'
import { join } from './join'

/** `member`: joining, the member card, the member code, the points history and the profile. */
export const main = createRouter({ join, card }, currentCaller)
