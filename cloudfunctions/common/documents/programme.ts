/**
 * `programme/current`: the programme in force, as the admin stored it. It is validated with the
 * shared schema whenever it is read (a stored programme that no longer validates is an operator
 * error), so its fields are unknown until then.
 */
export interface ProgrammeDocument {
  readonly _id: string
  readonly [field: string]: unknown
}

/** Who saved or published, and when. */
export interface ProgrammeAuthorFields {
  readonly openid: string
  readonly name: string
  readonly atMs: number
}

/**
 * `programme/draft`: the brand's one draft, as the admin wrote it (valid when saved), and the live
 * version it was based on: publishing it after another version went live is refused.
 */
export interface ProgrammeDraftDocument {
  readonly [field: string]: unknown
  readonly _id: 'draft'
  readonly programme: Record<string, unknown>
  readonly basedOnVersion: number
  readonly saved: ProgrammeAuthorFields
}

/**
 * `programme_versions/<n>`: every published programme, whole, with who published it, when and why.
 * The id is the version number, so two publishes based on the same version cannot both write n+1.
 */
export interface ProgrammeVersionDocument {
  readonly _id: string
  readonly version: number
  readonly programme: Record<string, unknown>
  readonly note: string
  readonly published: ProgrammeAuthorFields
  readonly restoredFrom: number | null
  readonly requestId: string
}
