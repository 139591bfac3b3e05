/**
 * The first-run seed of a new brand: the programme (the shared demo programme under the brand's
 * name, validated by the same schema the functions use), one store, and a single-use invite that
 * binds whoever accepts it first as the brand's admin. Nothing else: members, coupons and mall items
 * are the brand's own to create.
 */
import { randomBytes } from 'node:crypto'
import { INVITE_CODE_LENGTH, INVITE_TTL_MS } from '@shared/contracts'
import { parseProgramme } from '@shared/programme/parseProgramme'
import { DEPLOYMENT_INVITER } from '@shared/staff'
import type { InviteDocument, StoreDocument } from '../cloudfunctions/common/documents/staff'
import { DEMO_PROGRAMME_INPUT } from '../emulator/seed/demo/programme'

/** What the deployer names. */
export interface SeedOptions {
  readonly brandName: string
  readonly storeName: string
  readonly nowMs: number
  readonly inviteCode: string
}

/** One document to write, and where. */
export interface SeedDocument {
  readonly collection: string
  readonly document: Readonly<Record<string, unknown>> & { readonly _id: string }
}

/** The id of the programme document the functions read; its presence means "already seeded". */
export const PROGRAMME_DOCUMENT = { collection: 'programme', id: 'current' } as const
/** The id the first store gets. */
export const FIRST_STORE_ID = 'store-1'
/** Who the seed records as the inviter of the first admin: the deployer (see `inviterAuthority`). */
export const SEED_INVITER = DEPLOYMENT_INVITER

/** A fresh invite code in the alphabet and length `staff.acceptInvite` accepts. */
export function newInviteCode(): string {
  return randomBytes(8).toString('base64url').slice(0, INVITE_CODE_LENGTH)
}

/** The seed documents, in the order they are written (the invite last, so it never points at a missing store). */
export function seedDocuments(options: SeedOptions): readonly SeedDocument[] {
  const programme = { ...DEMO_PROGRAMME_INPUT, brandName: options.brandName }
  const parsed = parseProgramme(programme)
  if (!parsed.ok) throw new Error(`the seed programme is invalid: ${parsed.message}`)
  const store: StoreDocument & { createdAtMs: number } = {
    _id: FIRST_STORE_ID,
    name: options.storeName,
    createdAtMs: options.nowMs,
  }
  // An admin acts for every store, so the binding has no store; acceptInvite copies role and storeId.
  const invite: Omit<InviteDocument, 'role' | 'storeId'> & { role: 'admin'; storeId: null } = {
    _id: options.inviteCode,
    code: options.inviteCode,
    role: 'admin',
    storeId: null,
    createdBy: SEED_INVITER,
    createdAtMs: options.nowMs,
    expiresAtMs: options.nowMs + INVITE_TTL_MS,
    usedAtMs: null,
    usedBy: null,
  }
  return [
    {
      collection: PROGRAMME_DOCUMENT.collection,
      document: { _id: PROGRAMME_DOCUMENT.id, ...programme, updatedAtMs: options.nowMs },
    },
    { collection: 'stores', document: { ...store } },
    { collection: 'invites', document: { ...invite } },
  ]
}
