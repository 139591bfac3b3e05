import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { getProgramme } from './getProgramme'

/** `programme`: public facts about the loyalty programme. Actions: `get`. */
export const main = createRouter(API.programme, { get: getProgramme }, currentCaller)
