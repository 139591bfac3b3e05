/**
 * `programme/current`: the programme in force, as the admin stored it. It is validated with the
 * shared schema whenever it is read (a stored programme that no longer validates is an operator
 * error), so its fields are unknown until then.
 */
export interface ProgrammeDocument {
  readonly _id: string
  readonly [field: string]: unknown
}
