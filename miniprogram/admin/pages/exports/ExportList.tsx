import type { ExportView } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { downloadExport, exportStatusText, exportTitle } from '../../utils/exportText'

async function download(view: ExportView) {
  const text = await downloadExport(view)
  await Taro.showToast({ title: text, icon: 'none' })
}

/** The caller's exports, newest first: each with where it stands and, once done, 下载. */
export function ExportList(props: { exports: readonly ExportView[]; storeName: (storeId: string | null) => string }) {
  if (props.exports.length === 0) {
    return (
      <Text className='admin-card__note' id='exports-empty'>
        还没有导出记录
      </Text>
    )
  }
  return (
    <View id='exports-list'>
      {props.exports.map((view) => (
        <View className='admin-card admin-export' key={view.exportId} id={`export-${view.exportId}`}>
          <Text className='admin-export__title'>{exportTitle(view, props.storeName)}</Text>
          <Text className='admin-card__note' id={`export-${view.exportId}-status`}>
            {exportStatusText(view)}
          </Text>
          {view.status === 'done' && view.downloadUrl !== null && (
            <Text
              className='admin-link-text'
              id={`export-${view.exportId}-download`}
              onClick={() => void download(view)}
            >
              下载
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
