import { err, ok, type Result } from '../result'
import { describeIssues } from '../validation/describeIssues'
import { type Programme, programmeSchema } from './schema'

/** Validates a programme configuration, filling in defaults, or explains every problem found. */
export function parseProgramme(input: unknown): Result<Programme, 'INVALID_PROGRAMME'> {
  const parsed = programmeSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err('INVALID_PROGRAMME', describeIssues(parsed.error.issues))
}
