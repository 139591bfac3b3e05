import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { checkInToday } from './checkInToday'
import { makeup } from './makeup'
import { status } from './status'

/** `checkin`: the month calendar, today's check-in and makeup check-ins. */
export const main = createRouter(API.checkin, { status, checkIn: checkInToday, makeup }, currentCaller)
