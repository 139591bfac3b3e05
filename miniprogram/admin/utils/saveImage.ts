import Taro from '@tarojs/taro'

/**
 * Keeps an image the page shows: in WeChat, downloaded and saved to the photo album (WeChat asks for permission
 * the first time); in the H5 build, downloaded by the browser as `fileName`. Resolves with what to tell the user.
 */
export async function saveImage(url: string, fileName: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.click()
    return '已开始下载'
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    return '已保存到相册'
  } catch {
    return '保存失败，请允许保存到相册后重试'
  }
}
