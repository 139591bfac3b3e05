import { API, type PublicProgramme } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { defineAction } from '../../common/router'

/** `programme.get`: the programme as anyone may see it, members or not. */
export const getProgramme = defineAction(API.programme.get, async (_input, caller) => {
  const programme = await currentProgramme(database(), caller.nowMs)
  const result: PublicProgramme = {
    brandName: programme.brandName,
    tiers: programme.tiers.map(({ id, name, growthThreshold, benefits }) => ({
      id,
      name,
      growthThreshold,
      benefits,
    })),
    joinGift: { points: programme.joinGift.points, couponCount: programme.joinGift.couponTemplateIds.length },
    profileCompletionPoints: programme.profileCompletionPoints,
  }
  return ok(result)
})
