import { DEFAULT_RFM_THRESHOLDS, type RfmThresholds } from '@shared/stats/rfm'
import type { Database } from './cloud'
import { readDocument } from './readDocument'

/** The settings document's id in `stats_settings`. */
export const RFM_SETTINGS_ID = 'rfm'

/** The RFM thresholds an admin set, or the defaults before any was. One request. */
export async function readRfmThresholds(db: Database): Promise<RfmThresholds> {
  const settings = await readDocument(db.collection('stats_settings').doc(RFM_SETTINGS_ID))
  return settings?.thresholds ?? DEFAULT_RFM_THRESHOLDS
}
