import { type PublicProgramme, programmeGetInput } from '@shared/contracts'
import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import { ok } from '@shared/result'
import { defineAction } from '../../common/router'

/** The programme as members see it. Until admins can edit it, the demo programme is the programme. */
export const getProgramme = defineAction({
  input: programmeGetInput,
  run: (): ReturnType<typeof ok<PublicProgramme>> =>
    ok({
      brandName: DEMO_PROGRAMME.brandName,
      tiers: DEMO_PROGRAMME.tiers.map(({ id, name, growthThreshold, benefits }) => ({
        id,
        name,
        growthThreshold,
        benefits,
      })),
    }),
})
