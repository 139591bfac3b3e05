import { useEffect, useRef } from 'react'

/** The page life-cycle events pages subscribe to with Taro's hooks. */
export type PageEvent = 'didShow' | 'didHide' | 'reachBottom'

const listeners: Record<PageEvent, Set<() => void>> = {
  didShow: new Set(),
  didHide: new Set(),
  reachBottom: new Set(),
}

function pageHook(event: PageEvent) {
  return (callback: () => void) => {
    const latest = useRef(callback)
    latest.current = callback
    useEffect(() => {
      const listener = () => latest.current()
      listeners[event].add(listener)
      return () => {
        listeners[event].delete(listener)
      }
    }, [])
  }
}

/**
 * Plays a page life-cycle event to every mounted page, as WeChat would when the member switches
 * tabs (`didHide`, `didShow`) or scrolls to the bottom (`reachBottom`). Wrap it in `act`.
 */
export function firePageEvent(event: PageEvent): void {
  for (const listener of [...listeners[event]]) listener()
}

/** What the selector query finds for a `<Canvas type='2d'>`; a test sets `found` false to play a canvas that cannot be drawn on. */
export const canvasQuery = { found: true, width: 320, height: 210 }

/** A selector query answering as weapp's does: a canvas node for `fields({ node })`, the size for `boundingClientRect()`. */
function selectorQuery() {
  const answers: (() => unknown)[] = []
  const query = {
    select: (_selector: string) => ({
      fields: (_fields: { node?: boolean }) => {
        answers.push(() => ({ node: canvasQuery.found ? { width: 300, height: 150, getContext: () => ({}) } : null }))
        return query
      },
      boundingClientRect: () => {
        answers.push(() => (canvasQuery.found ? { width: canvasQuery.width, height: canvasQuery.height } : null))
        return query
      },
    }),
    exec: (callback: (answers: unknown[]) => void) => {
      void Promise.resolve().then(() => callback(answers.map((answer) => answer())))
    },
  }
  return query
}

/** The slice of `@tarojs/taro` that pages call, as jest functions tests can inspect and steer. */
const Taro = {
  getEnv: jest.fn(() => 'WEB'),
  getCurrentInstance: jest.fn(() => ({ router: { params: {} as Record<string, string> } })),
  navigateTo: jest.fn(async (_options: { url: string }) => undefined),
  switchTab: jest.fn(async (_options: { url: string }) => undefined),
  reLaunch: jest.fn(async (_options: { url: string }) => undefined),
  redirectTo: jest.fn(async (_options: { url: string }) => undefined),
  showToast: jest.fn(async (_options: { title: string; icon?: string }) => undefined),
  showModal: jest.fn(async (_options: { title?: string; content?: string }) => ({ confirm: true, cancel: false })),
  requestSubscribeMessage: jest.fn(
    async (options: { tmplIds: string[] }): Promise<Record<string, string>> => ({
      errMsg: 'requestSubscribeMessage:ok',
      ...Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])),
    }),
  ),
  scanCode: jest.fn(
    async (_options: { onlyFromCamera?: boolean; scanType?: string[] }): Promise<{ result: string }> => ({
      result: '',
    }),
  ),
  chooseImage: jest.fn(
    async (_options: {
      count: number
      sizeType?: string[]
    }): Promise<{ tempFiles: { path: string; size: number }[] }> => ({
      tempFiles: [{ path: 'wxfile://tmp/picked.png', size: 120_000 }],
    }),
  ),
  downloadFile: jest.fn(async (_options: { url: string }) => ({ tempFilePath: 'wxfile://tmp/downloaded.png' })),
  saveImageToPhotosAlbum: jest.fn(async (_options: { filePath: string }) => ({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  createSelectorQuery: jest.fn(selectorQuery),
  getWindowInfo: jest.fn(() => ({ pixelRatio: 2 })),
  nextTick: (callback: () => void) => void Promise.resolve().then(callback),
  useDidShow: pageHook('didShow'),
  useDidHide: pageHook('didHide'),
  useReachBottom: pageHook('reachBottom'),
  cloud: {
    callFunction: jest.fn(
      async (_options: { name: string; data: unknown }): Promise<{ result: unknown }> => ({ result: null }),
    ),
    uploadFile: jest.fn(async (_options: { cloudPath: string; filePath: string }) => ({
      fileID: 'cloud://env-test.bucket/avatars/uploaded.jpg',
    })),
  },
}

export default Taro
export const {
  getEnv,
  getCurrentInstance,
  navigateTo,
  switchTab,
  reLaunch,
  redirectTo,
  showToast,
  showModal,
  scanCode,
  useDidShow,
  useDidHide,
  useReachBottom,
  cloud,
} = Taro
