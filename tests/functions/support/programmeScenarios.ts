/**
 * The programme editor's rows of the scenario table (`actionScenarios.ts`): the brand has one draft
 * and one live version, so invocations arranged at once (the warm-up) race for them and mostly
 * lose; the measured invocation, arranged alone afterwards, is based on the version then live.
 */
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'
import { ADMIN, MANAGER, NOW } from '../staff/staffFixtures'
import type { ActionCall, ActionScenario } from './actionScenarios'
import type { FunctionHarness } from './functionHarness'

const admin = (action: string, input: unknown, as = ADMIN): ActionCall => ({
  functionName: 'admin',
  action,
  input,
  options: { as, atMs: NOW },
})

async function liveVersion(harness: FunctionHarness): Promise<number> {
  const { data } = await harness.db.collection('programme').where({ _id: 'current' }).get()
  return typeof data[0]?.version === 'number' ? data[0].version : 0
}

/** A sample 试算: ¥45.67 by a regular member today, and a week of check-ins. */
export const DRY_RUN_SAMPLE = {
  purchase: { amountFen: 4567, tierId: 'regular', purchasedAtMs: NOW },
  checkInDays: 7,
}

export const PROGRAMME_SCENARIOS = {
  'admin.programmeDraft': {
    arrange: async () => admin('programmeDraft', {}, MANAGER),
  },
  'admin.saveProgrammeDraft': {
    arrange: async (harness, index) =>
      admin('saveProgrammeDraft', {
        requestId: `save-draft-${index}-0`,
        basedOnVersion: await liveVersion(harness),
        programme: DEMO_PROGRAMME_INPUT,
      }),
  },
  'admin.publishProgramme': {
    arrange: async (harness, index) => {
      const basedOnVersion = await liveVersion(harness)
      const draft = { requestId: `publish-draft-${index}`, basedOnVersion, programme: DEMO_PROGRAMME_INPUT }
      await harness.call('admin', 'saveProgrammeDraft', draft, { as: ADMIN, atMs: NOW })
      return admin('publishProgramme', { requestId: `publish-${index}-000`, note: '发布' })
    },
  },
  'admin.restoreProgrammeVersion': {
    arrange: async (harness, index) => {
      // An old version of its own, far above any the warm-up publishes.
      const version = 100_000 + index
      await harness.db.collection('programme_versions').add({
        data: {
          _id: String(version),
          version,
          programme: DEMO_PROGRAMME_INPUT,
          note: '旧版本',
          published: { openid: ADMIN, name: '管理员', atMs: NOW },
          restoredFrom: null,
          requestId: `old-version-${index}`,
        },
      })
      const input = {
        requestId: `restore-${index}-000`,
        version,
        liveVersion: await liveVersion(harness),
        note: '恢复',
      }
      return admin('restoreProgrammeVersion', input)
    },
  },
  'admin.programmeVersions': {
    arrange: async () => admin('programmeVersions', {}, MANAGER),
  },
  'admin.programmeDryRun': {
    arrange: async () => admin('programmeDryRun', DRY_RUN_SAMPLE, MANAGER),
  },
} satisfies Record<string, ActionScenario>
