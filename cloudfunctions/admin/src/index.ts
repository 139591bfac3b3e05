import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { adjustPoints } from './adjustPoints'
import { adjustStock } from './adjustStock'
import { auditLog } from './auditLog'
import { listItems, restoreItem, retireItem, saveItem } from './catalogue'
import { correctBirthday } from './correctBirthday'
import { memberDetail, searchMembers } from './members'
import { listStores } from './stores/listStores'
import { saveStore } from './stores/saveStore'
import { storeQrCode } from './stores/storeQrCode'

/**
 * `admin`: the admin console's writes: the points-mall catalogue (brand admins; managers read) and
 * the member search and detail, manual points adjustments (managers and admins, each within the
 * programme's limit), birthday corrections, the audit log, and the stores with their join QR codes (admins any, managers their own). Every write is idempotent per request id and audited (`audit/admin_<id>`).
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
    correctBirthday,
    auditLog,
    listStores,
    saveStore,
    storeQrCode,
  },
  currentCaller,
)
