import type { ExportKind, ExportStatus } from '@shared/contracts'
import type { StaffRole } from '@shared/staff'

/** Where an export's rows stopped: the last row written, by the order its kind reads rows in. */
export interface ExportCursor {
  /** The ledger's entries go by time, then id; null for members, which go by id. */
  readonly atMs: number | null
  readonly id: string
}

/**
 * `exports/<id>`: one CSV export a manager or an admin asked for, and how far it got. Rows are written in parts
 * (`<folder>/part-<n>.csv`, one per batch, n from 0); once every row is in a part, the parts are joined into the
 * file, the export is done and its parts are deleted. Only the invocation holding the lease writes a part, and a
 * part counts once the export records it (`parts` moves by a conditional update), so a killed invocation's part is
 * written again by the next, never counted twice.
 */
export interface ExportDocument {
  readonly _id: string
  readonly requestId: string
  readonly kind: ExportKind
  /** Who asked: only they list and continue it. */
  readonly openid: string
  readonly role: StaffRole
  /** The store exported; null: the whole chain (admins only). */
  readonly storeId: string | null
  /** The business days asked for (both null: no range), and the instants they span, `[fromMs, toMs)`. */
  readonly from: string | null
  readonly to: string | null
  readonly fromMs: number | null
  readonly toMs: number | null
  /** Decided at the request, by the role then: phone numbers masked unless an admin asked. */
  readonly phonesMasked: boolean
  readonly requestedAtMs: number
  /** Random: the files' folder, `exports/<id>-<token>`, so nobody finds an export's file by its id. */
  readonly token: string
  readonly status: ExportStatus
  readonly cursor: ExportCursor | null
  /** Parts written and recorded (the next part is `part-<parts>`). */
  readonly parts: number
  readonly rows: number
  /** Whether every row is in a part: what is left is joining them. */
  readonly rowsDone: boolean
  /** The invocation working on it, until `leaseUntilMs`. */
  readonly holder: string | null
  readonly leaseUntilMs: number
  /** The file, once done. */
  readonly fileId: string | null
  readonly finishedAtMs: number | null
  /** Whether parts may still be stored: true until a done export's parts are deleted (what the job looks for). */
  readonly partsLeft: boolean
}
