import Taro from '@tarojs/taro'

/** Where avatars go in cloud storage; the file name is random so members cannot overwrite each other's. */
const AVATAR_FOLDER = 'avatars'

/**
 * Uploads the temporary file `chooseAvatar` gives (a local path the server cannot read) to cloud
 * storage and resolves with its `cloud://` file id, which `member.updateProfile` accepts.
 */
export async function uploadAvatar(temporaryFilePath: string): Promise<string> {
  const extension = /\.(\w{1,5})$/.exec(temporaryFilePath)?.[1] ?? 'jpg'
  const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `${AVATAR_FOLDER}/${name}.${extension}`,
    filePath: temporaryFilePath,
  })
  return fileID
}
