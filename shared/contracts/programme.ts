import { z } from 'zod'

/** Input of `programme.get`: nothing; the programme is public to anyone who opens the mini-program. */
export const programmeGetInput = z.object({}).strict()

/** A tier as a member sees it: name, threshold and benefits, nothing internal. */
export interface PublicTier {
  readonly id: string
  readonly name: string
  readonly growthThreshold: number
  readonly benefits: readonly string[]
}

/** Output of `programme.get`. */
export interface PublicProgramme {
  readonly brandName: string
  readonly tiers: readonly PublicTier[]
  /** What joining gives, for the join page. */
  readonly joinGift: { readonly points: number; readonly couponCount: number }
  /** Points paid once for completing the profile. */
  readonly profileCompletionPoints: number
}
