/** The id of a member's claim counter for a template. */
export function claimCounterIdOf(memberId: string, templateId: string): string {
  return `${memberId}_${templateId}`
}
