import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { adjustPoints } from './adjustPoints'
import { adjustStock } from './adjustStock'
import { auditLog } from './auditLog'
import { listItems, restoreItem, retireItem, saveItem } from './catalogue'
import { correctBirthday } from './correctBirthday'
import { memberDetail, searchMembers } from './members'
import { programmeDraft, saveProgrammeDraft } from './programme/draft'
import { programmeDryRun } from './programme/dryRun'
import { publishProgramme, restoreProgrammeVersion } from './programme/publish'
import { programmeVersions } from './programme/versions'

/**
 * `admin`: the admin console's writes: the points-mall catalogue (brand admins; managers read) and
 * the member search and detail, manual points adjustments (managers and admins, each within the
 * programme's limit), birthday corrections and the audit log. Every write is idempotent per request id and audited (`audit/admin_<id>`).
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
    programmeDraft,
    saveProgrammeDraft,
    publishProgramme,
    restoreProgrammeVersion,
    programmeVersions,
    programmeDryRun,
  },
  currentCaller,
)
