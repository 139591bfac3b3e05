import type { z } from 'zod'
import { err, ok, type Result } from '../result'
import { type Programme, programmeSchema } from './schema'

/** One line per problem, `path: message`, e.g. `tiers.2.growthThreshold: 等级门槛必须递增…`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('\n')
}

/** Validates a programme configuration, filling in defaults, or explains every problem found. */
export function parseProgramme(input: unknown): Result<Programme, 'INVALID_PROGRAMME'> {
  const parsed = programmeSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err('INVALID_PROGRAMME', describeIssues(parsed.error.issues))
}
