import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { imageSourceOf } from '@/api/cloudFiles'
import { classNames } from '@/utils/classNames'
import { FormField } from '../../components/FormField'
import { useItemEditorStore } from '../../stores/itemEditorStore'

/** Opens the album or camera for one picture; null when the user cancels. */
async function pickImage() {
  try {
    const { tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
    const [file] = tempFiles as { path: string; size: number; type?: string }[]
    return file ?? null
  } catch {
    return null
  }
}

/** 图片: a preview of the item's picture, 选择图片 to upload one (2 MB, PNG/JPEG/WebP) and 移除 to clear it. */
export function ItemImageField() {
  const image = useItemEditorStore((store) => store.form.image)
  const error = useItemEditorStore((store) => store.errors.image)
  const uploading = useItemEditorStore((store) => store.busy === 'image')
  const attachImage = useItemEditorStore((store) => store.attachImage)
  const edit = useItemEditorStore((store) => store.edit)
  const choose = async () => {
    const file = await pickImage()
    if (file !== null) await attachImage(file)
  }
  return (
    <FormField label='图片' error={error} id='item-form-image'>
      {image !== '' && (
        <Image className='admin-item-image' id='item-form-image-preview' src={imageSourceOf(image)} mode='aspectFit' />
      )}
      <View className='admin-choices'>
        <Button
          className={classNames('button', uploading && 'button--disabled')}
          id='item-form-image-choose'
          disabled={uploading}
          onClick={() => void choose()}
        >
          {uploading ? '上传中…' : image === '' ? '选择图片' : '更换图片'}
        </Button>
        {image !== '' && !uploading && (
          <Text className='admin-choice' id='item-form-image-remove' onClick={() => edit('image', '')}>
            移除
          </Text>
        )}
      </View>
      <Text className='admin-card__note'>PNG、JPEG 或 WebP，不超过 2 MB</Text>
    </FormField>
  )
}
