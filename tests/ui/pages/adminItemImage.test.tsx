import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminItemPage from '@/admin/pages/item/index'
import { ADMIN, adminItemOf, itemResultOf } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { resetStores } from '../support/stores'

const ITEM = adminItemOf()
const UPLOAD_ID = '0123456789abcdef0123456789abcdef'
const PREPARED = { ok: true, data: { uploadId: UPLOAD_ID, cloudPath: `items/${UPLOAD_ID}.png` } }
const UPLOADED = `cloud://env-test.bucket/items/${UPLOAD_ID}.png`

function prepareInputs(callFunction: jest.Mock): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === 'prepareUpload').map(([o]) => o.data.input)
}

function saveInputs(callFunction: jest.Mock): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === 'saveItem').map(([o]) => o.data.input)
}

describe('the item picture', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'latte-cup' } } })
    ;(Taro.cloud.uploadFile as jest.Mock).mockResolvedValue({ fileID: UPLOADED })
  })

  it('uploads a picked picture where the function prepared, previews it and saves its file id on the item', async () => {
    const saved = { ...ITEM, image: UPLOADED }
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [ITEM] } },
      'admin.prepareUpload': PREPARED,
      'admin.saveItem': { ok: true, data: itemResultOf(saved) },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('选择图片'))
    await waitFor(() => expect(container.querySelector('#item-form-image-preview')?.getAttribute('src')).toBe(UPLOADED))
    expect(prepareInputs(callFunction)).toEqual([{ purpose: 'item', type: 'png', byteSize: 120_000 }])
    const [upload] = (Taro.cloud.uploadFile as jest.Mock).mock.calls[0]
    expect(upload).toEqual({ cloudPath: `items/${UPLOAD_ID}.png`, filePath: 'wxfile://tmp/picked.png' })
    fireEvent.click(container.querySelector('#item-save') as Element)
    await screen.findByText('已保存')
    expect(saveInputs(callFunction)[0]).toMatchObject({ item: { id: 'latte-cup', image: UPLOADED } })
    fireEvent.click(container.querySelector('#item-form-image-remove') as Element)
    expect(container.querySelector('#item-form-image-preview')).toBeNull()
  })

  it.each([
    ['over 2 MB', { path: 'wxfile://tmp/big.png', size: 2 * 1024 * 1024 + 1 }, '图片不能超过 2 MB'],
    ['a GIF', { path: 'wxfile://tmp/moving.gif', size: 1000 }, '只支持 PNG、JPEG 或 WebP 图片'],
  ])('refuses a picture %s next to the field, uploading nothing', async (_case, file, problem) => {
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFiles: [file] })
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [ITEM] } },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('选择图片'))
    await waitFor(() => expect(container.querySelector('#item-form-image-error')?.textContent).toBe(problem))
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('says why an upload failed, next to the field', async () => {
    ;(Taro.cloud.uploadFile as jest.Mock).mockRejectedValueOnce(new Error('cloud.uploadFile:fail network down'))
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [ITEM] } },
      'admin.prepareUpload': PREPARED,
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('选择图片'))
    await waitFor(() =>
      expect(container.querySelector('#item-form-image-error')?.textContent).toBe('图片上传失败：network down'),
    )
  })

  it('uploads nothing when the function refuses to prepare the upload, and says why next to the field', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [ITEM] } },
      'admin.prepareUpload': { ok: false, code: 'INVALID_INPUT', message: '输入有误：byteSize: 图片不能超过 2 MB' },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('选择图片'))
    await waitFor(() =>
      expect(container.querySelector('#item-form-image-error')?.textContent).toBe('图片上传失败：图片不能超过 2 MB'),
    )
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('puts a save refused for its picture next to the picture', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [ITEM] } },
      'admin.prepareUpload': PREPARED,
      'admin.saveItem': { ok: false, code: 'INVALID_INPUT', message: '输入有误：item.image: 图片已失效，请重新上传' },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('选择图片'))
    await waitFor(() => expect(container.querySelector('#item-form-image-preview')?.getAttribute('src')).toBe(UPLOADED))
    fireEvent.click(container.querySelector('#item-save') as Element)
    await waitFor(() =>
      expect(container.querySelector('#item-form-image-error')?.textContent).toBe('图片已失效，请重新上传'),
    )
  })
})
