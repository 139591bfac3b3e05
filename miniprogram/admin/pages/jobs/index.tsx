import { View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { AdminGate } from '../../components/AdminGate'
import { useJobsStore } from '../../stores/jobsStore'
import { JobCard } from './JobCard'
import '../../admin.css'

const ADMINS_ONLY = '仅限品牌管理员使用'

function JobList() {
  const state = useJobsStore((store) => store.state)
  const load = useJobsStore((store) => store.load)
  const reset = useJobsStore((store) => store.reset)
  usePageData(load, reset)
  const refused = (
    <View id='jobs-refused'>
      <LoadState state='empty' message={ADMINS_ONLY} />
    </View>
  )
  return (
    <Loaded
      state={state}
      onRetry={load}
      refused={refused}
      empty={{ when: (data) => data.jobs.length === 0, text: '暂无定时任务' }}
    >
      {(data) => (
        <View className='admin-jobs' id='jobs-list'>
          {data.jobs.map((job) => (
            <JobCard key={job.job} state={job} />
          ))}
        </View>
      )}
    </Loaded>
  )
}

/** 任务: each scheduled job's current run, its figures, 已逾期 when it stopped, and running it now. Admins only. */
export default function AdminJobsPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin']} refusal={ADMINS_ONLY}>
        {() => <JobList />}
      </AdminGate>
    </PageShell>
  )
}
