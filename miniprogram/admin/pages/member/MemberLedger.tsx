import type { MemberDetail, MemberLedgerLine } from '@shared/contracts'
import type { LedgerEntryType } from '@shared/ledger/ledgerEntry'
import { signedPointsText } from '@/staff/utils/staffText'
import { formatDateTime } from '@/utils/formatTime'
import { LoadMore } from '../../components/LoadMore'
import { useMemberDetailStore } from '../../stores/memberDetailStore'
import { Line, Section } from './SectionCard'

const LEDGER_TYPES: Readonly<Record<LedgerEntryType, string>> = {
  earn: '获得',
  spend: '使用',
  expire: '过期',
  reverse: '撤销',
  adjust: '调整',
}

function ledgerText(line: MemberLedgerLine): string {
  const reason = line.reason === null ? '' : `（${line.reason}）`
  return `${formatDateTime(line.createdAtMs)} · ${LEDGER_TYPES[line.type]} ${signedPointsText(line.amount)} · ${line.title}${reason}`
}

/** 加载更多 under the history while older lines remain, with why the last attempt failed. */
function MoreLedger() {
  const { nextCursor, loading, error } = useMemberDetailStore((store) => store.olderLedger)
  const loadMore = useMemberDetailStore((store) => store.loadMoreLedger)
  if (nextCursor === null) return null
  return <LoadMore id='member-ledger-more' loading={loading} error={error} onMore={() => void loadMore()} />
}

/** The points history, newest first: the detail's first page, then the pages 加载更多 brought in. */
export function MemberLedger({ detail }: { detail: MemberDetail }) {
  const older = useMemberDetailStore((store) => store.olderLedger.entries)
  return (
    <Section
      id='member-ledger'
      title='积分记录'
      empty='还没有积分记录'
      lines={[...detail.ledger, ...older].map((line) => (
        <Line key={line.id} id={`member-ledger-${line.id}`} text={ledgerText(line)} />
      ))}
    >
      <MoreLedger />
    </Section>
  )
}
