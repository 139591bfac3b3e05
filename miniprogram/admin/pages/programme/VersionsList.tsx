import type { ProgrammeVersionSummary } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useContext } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { usePageData } from '@/hooks/usePageData'
import { formatDateTime } from '@/utils/formatTime'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { ReadOnly } from './ProgrammeField'

function VersionRow({ version, live }: { version: ProgrammeVersionSummary; live: boolean }) {
  const readOnly = useContext(ReadOnly)
  const restore = useProgrammeEditorStore((store) => store.restore)
  const busy = useProgrammeEditorStore((store) => store.busy)
  return (
    <View className='admin-row' id={`programme-version-${version.version}`}>
      <View className='admin-link__text'>
        <Text className='admin-link__title'>
          第 {version.version} 版{live ? '（当前）' : ''}
          {version.restoredFrom !== null ? ` · 恢复自第 ${version.restoredFrom} 版` : ''}
        </Text>
        <Text className='admin-link__note'>
          {version.note} · {version.published.name} · {formatDateTime(version.published.atMs)}
        </Text>
      </View>
      {!readOnly && !live && (
        <Text
          className='admin-link-text'
          id={`programme-version-${version.version}-restore`}
          onClick={() => busy === null && void restore(version.version)}
        >
          恢复
        </Text>
      )}
    </View>
  )
}

/** 历史版本: every published version, newest first, with 恢复 (publishes it again as a new version). */
export function VersionsList() {
  const versions = useProgrammeEditorStore((store) => store.versions)
  const loadVersions = useProgrammeEditorStore((store) => store.loadVersions)
  usePageData(loadVersions)
  return (
    <View className='admin-card' id='programme-versions'>
      <Text className='admin-card__title'>历史版本</Text>
      <Loaded
        state={versions}
        onRetry={loadVersions}
        refused={<LoadState state='empty' message='仅限店长和品牌管理员查看' />}
        empty={{ when: (page) => page.versions.length === 0, text: '还没有发布过版本' }}
      >
        {(page) =>
          page.versions.map((version) => (
            <VersionRow key={version.version} version={version} live={version.version === page.liveVersion} />
          ))
        }
      </Loaded>
    </View>
  )
}
