import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { adjustStock } from './adjustStock'
import { listItems, restoreItem, retireItem, saveItem } from './catalogue'

/**
 * `admin`: the admin console's writes, brand admins only (managers may read the catalogue): the
 * points-mall catalogue. Every write is idempotent per request id and audited (`audit/admin_<id>`).
 */
export const main = createRouter(
  API.admin,
  { listItems, saveItem, retireItem, restoreItem, adjustStock },
  currentCaller,
)
