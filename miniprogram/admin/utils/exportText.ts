import type { ExportKind, ExportView } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { formatDateTime } from '@/utils/formatTime'

/** The kinds 导出 offers, as the form's choices. */
export const EXPORT_KIND_CHOICES = [
  { id: 'export-kind-members', value: 'members', label: '会员' },
  { id: 'export-kind-ledger', value: 'ledger', label: '积分流水' },
] as const satisfies readonly { id: string; value: ExportKind; label: string }[]

const KIND_TITLES: Readonly<Record<ExportKind, string>> = { members: '会员', ledger: '积分流水' }

/** An export's line: what, which store, which days. */
export function exportTitle(view: ExportView, storeName: (storeId: string | null) => string): string {
  const days = view.from === null ? '' : ` · ${view.from} 至 ${view.to}`
  return `${KIND_TITLES[view.kind]} · ${storeName(view.storeId)}${days}`
}

/** Where an export stands, and when it was asked for. */
export function exportStatusText(view: ExportView): string {
  const status = view.status === 'done' ? `已完成，共 ${view.rows} 行` : `生成中，已写 ${view.rows} 行`
  const phones = view.phonesMasked ? ' · 手机号已隐藏中间四位' : ''
  return `${status}${phones} · ${formatDateTime(view.requestedAtMs)}`
}

/** The file name a download suggests: what and the day it was asked for, `会员-2026-11-23.csv`. */
export function exportFileName(view: ExportView): string {
  return `${KIND_TITLES[view.kind]}-${formatDateTime(view.requestedAtMs).slice(0, 10)}.csv`
}

/**
 * Gets an export's file to the user: in the H5 build the browser downloads it; in WeChat the link is copied, to
 * open in a browser or on a computer (`Taro.openDocument` opens Office files and PDFs, not CSV). Resolves with
 * what to tell the user.
 */
export async function downloadExport(view: ExportView): Promise<string> {
  if (view.downloadUrl === null) return '文件尚未生成'
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = view.downloadUrl
    link.download = exportFileName(view)
    link.target = '_blank'
    link.click()
    return '已开始下载'
  }
  try {
    await Taro.setClipboardData({ data: view.downloadUrl })
    return '下载链接已复制，请在浏览器中打开（2 小时内有效）'
  } catch {
    return '复制失败，请重试'
  }
}
