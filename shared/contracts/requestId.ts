import { z } from 'zod'

/** Longest and shortest client request id: long enough to be unique per member, short enough to key documents. */
export const REQUEST_ID_LENGTH_MIN = 8
export const REQUEST_ID_LENGTH_MAX = 64

/** A client-generated idempotency key (e.g. a UUID or 16 random url-safe characters): one per tap of 兑换. */
export const requestIdSchema = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9_-]{${REQUEST_ID_LENGTH_MIN},${REQUEST_ID_LENGTH_MAX}}$`),
    `请求编号应为 ${REQUEST_ID_LENGTH_MIN}–${REQUEST_ID_LENGTH_MAX} 位字母、数字、- 或 _`,
  )
