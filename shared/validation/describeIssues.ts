import type { z } from 'zod'

/** One line per problem, `path: message`, e.g. `tiers.2.growthThreshold: 等级门槛必须递增…`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('\n')
}
