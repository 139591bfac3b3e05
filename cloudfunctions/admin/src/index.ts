import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { adjustPoints } from './adjustPoints'
import { adjustStock } from './adjustStock'
import { listItems, restoreItem, retireItem, saveItem } from './catalogue'
import { memberDetail, searchMembers } from './members'

/**
 * `admin`: the admin console's writes: the points-mall catalogue (brand admins; managers read) and
 * the member search and detail, and manual points adjustments (managers and admins, each within
 * the programme's limit). Every write is idempotent per request id and audited (`audit/admin_<id>`).
 */
export const main = createRouter(
  API.admin,
  {
    listItems,
    saveItem,
    retireItem,
    restoreItem,
    adjustStock,
    searchMembers,
    memberDetail,
    adjustPoints,
  },
  currentCaller,
)
