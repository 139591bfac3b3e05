import type { JobName, JobOutcome, JobStatus } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'

/** Where running one job now stands: on its way (for real or dry), answered, or failed. */
export type JobRunNow =
  | { readonly status: 'running'; readonly dryRun: boolean }
  | { readonly status: 'answered'; readonly outcome: JobOutcome }
  | { readonly status: 'failed'; readonly dryRun: boolean; readonly message: string }

interface JobsStore {
  /** `jobs.status`; `forbidden` when the caller is not (or no longer) an admin. */
  readonly state: Loadable<JobStatus, 'forbidden'>
  /** The last run now of each job, while the screen is open. */
  readonly runs: Partial<Record<JobName, JobRunNow>>
  /** Loads every job's state; a reload keeps the list on screen. */
  load(): Promise<void>
  /** Runs a job now (`dryRun`: counts, writes nothing), then reloads the states a real run changed. */
  run(job: JobName, dryRun: boolean): Promise<unknown>
  reset(): void
}

// Bumped by reset(): answers that arrive for an older generation belong to a screen that is gone.
let generation = 0

/** The jobs screen: each job's last run (`jobs.status`) and running one now (`jobs.run`). Admins only. */
export const useJobsStore = create<JobsStore>((set, get) => ({
  state: { status: 'idle' },
  runs: {},
  async load() {
    const requested = generation
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('jobs', 'status', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      stillWanted: () => requested === generation,
    })
  },
  // One run at a time from this screen: a second tap while one is on its way sends nothing.
  run: submitOnce(async (job: JobName, dryRun: boolean) => {
    const requested = generation
    const setRun = (run: JobRunNow) => set({ runs: { ...get().runs, [job]: run } })
    setRun({ status: 'running', dryRun })
    const answer = await callAction('jobs', 'run', { job, dryRun })
    if (requested !== generation) return
    setRun(
      answer.ok ? { status: 'answered', outcome: answer.data } : { status: 'failed', dryRun, message: answer.message },
    )
    if (answer.ok && !dryRun) await get().load()
  }),
  reset() {
    generation += 1
    set({ state: { status: 'idle' }, runs: {} })
  },
}))
