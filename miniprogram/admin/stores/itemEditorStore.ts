import type { AdminItemView, ApiEnvelope } from '@shared/contracts'
import { create, type StoreApi } from 'zustand'
import { callAction } from '@/api/client'
import { uploadPickedFile } from '@/api/cloudFiles'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { fieldErrorsOfMessage, type ItemForm, type ItemFormErrors, itemFormOf, parseItemForm } from '../utils/itemForm'
import { itemImageUploadOf, type PickedImage } from '../utils/itemImageUpload'
import { useCatalogueStore } from './catalogueStore'

/** The writes the form makes, one request id each while its outcome is unknown. */
export type ItemWrite = 'save' | 'status' | 'stock' | 'image'

/** A line under the form after a write: done, or refused with the reason. */
export interface ItemNotice {
  readonly tone: 'ok' | 'failed'
  readonly text: string
}

/** What `openedFor` says while the form is a new item's. */
export const NEW_ITEM = '(new item)'

interface ItemEditorStore {
  /** The item the form was opened for (`NEW_ITEM` for a new one); null before any. */
  readonly openedFor: string | null
  readonly form: ItemForm
  readonly errors: ItemFormErrors
  /** Units to add (or, negative, take away) with 调整库存. */
  readonly stockDelta: string
  readonly stockError: string | null
  readonly busy: ItemWrite | null
  readonly notice: ItemNotice | null
  /** Starts editing an item, or a new one (null). */
  open(item: AdminItemView | null): void
  edit<Field extends keyof ItemForm>(field: Field, value: ItemForm[Field]): void
  setStockDelta(text: string): void
  /** Checks the form (errors next to their fields) and saves it; resolves with the item saved, or null. */
  save(): Promise<AdminItemView | null>
  /** Retires the item (`offSale`) or puts it back on sale. */
  setOnSale(itemId: string, onSale: boolean): Promise<unknown>
  adjustStock(itemId: string): Promise<unknown>
  /** Uploads a picked picture where the admin function says and puts its file id in the form (saved with 保存). */
  attachImage(image: PickedImage): Promise<unknown>
}

// A write whose outcome is unknown keeps its request id, so the retry is replayed, not done twice.
const pendingRequestIds: Partial<Record<ItemWrite, string>> = {}

function requestIdFor(write: ItemWrite): string {
  pendingRequestIds[write] ??= newRequestId()
  return pendingRequestIds[write]
}

function settle(write: ItemWrite, answer: ApiEnvelope<unknown>): void {
  if (answer.ok || !isOutcomeUnknown(answer.code)) delete pendingRequestIds[write]
}

type SetState = StoreApi<ItemEditorStore>['setState']
type GetState = StoreApi<ItemEditorStore>['getState']

const FIX_THE_FIELDS = '请按提示修改后再保存'

/** Ends a write: the item it answered goes into the form and the list, a refusal into the notice. */
function finishWrite(
  set: SetState,
  write: ItemWrite,
  answer: ApiEnvelope<{ item: AdminItemView }>,
  done: string,
): AdminItemView | null {
  settle(write, answer)
  if (!answer.ok) {
    set({ busy: null, notice: { tone: 'failed', text: answer.message } })
    return null
  }
  useCatalogueStore.getState().replace(answer.data.item)
  set({ busy: null, form: itemFormOf(answer.data.item), notice: { tone: 'ok', text: done } })
  return answer.data.item
}

/** Checks the form (errors next to their fields) and saves it; a refusal naming fields goes next to them too. */
async function saveForm(set: SetState, get: GetState): Promise<AdminItemView | null> {
  const parsed = parseItemForm(get().form)
  if (!parsed.ok) {
    set({ errors: parsed.errors, notice: { tone: 'failed', text: FIX_THE_FIELDS } })
    return null
  }
  set({ busy: 'save', errors: {}, notice: null })
  const answer = await callAction('admin', 'saveItem', { requestId: requestIdFor('save'), ...parsed.save })
  const errors = !answer.ok && answer.code === 'INVALID_INPUT' ? fieldErrorsOfMessage(answer.message) : {}
  const saved = finishWrite(set, 'save', answer, answer.ok && answer.data.created ? '已创建' : '已保存')
  if (Object.keys(errors).length > 0) set({ errors, notice: { tone: 'failed', text: FIX_THE_FIELDS } })
  return saved
}

/** Adds the typed delta to the stock (a conditional increment in the function); its refusals go next to the field. */
async function adjustStockBy(set: SetState, get: GetState, itemId: string): Promise<void> {
  const typed = get().stockDelta.trim()
  const delta = /^-?\d+$/.test(typed) ? Number(typed) : Number.NaN
  if (!Number.isSafeInteger(delta) || delta === 0) {
    set({ stockError: '请填写非 0 的整数：正数补货，负数扣减' })
    return
  }
  set({ busy: 'stock', notice: null })
  const answer = await callAction('admin', 'adjustStock', { requestId: requestIdFor('stock'), itemId, delta })
  settle('stock', answer)
  if (!answer.ok) {
    const onField = answer.code === 'STOCK_BELOW_ZERO' || answer.code === 'INVALID_INPUT'
    set(
      onField
        ? { busy: null, stockError: answer.message }
        : { busy: null, notice: { tone: 'failed', text: answer.message } },
    )
    return
  }
  await useCatalogueStore.getState().load()
  set({ busy: null, stockDelta: '', notice: { tone: 'ok', text: `库存已调整为 ${answer.data.stockAfter}` } })
}

/**
 * Asks the admin function where the picture goes (`admin.prepareUpload`, which records the pending upload), then
 * uploads it there; a refusal (too large, wrong type, the upload failed) goes next to the image field.
 */
async function uploadImage(set: SetState, get: GetState, image: PickedImage): Promise<void> {
  const wanted = itemImageUploadOf(image)
  if (!wanted.ok) {
    set({ errors: { ...get().errors, image: wanted.problem } })
    return
  }
  const { image: _previous, ...otherErrors } = get().errors
  set({ busy: 'image', errors: otherErrors, notice: null })
  const { ok: _ok, ...input } = wanted
  const prepared = await callAction('admin', 'prepareUpload', { purpose: 'item', ...input })
  if (!prepared.ok) {
    // An INVALID_INPUT names the field after its headline (`输入有误：byteSize: …`); the form has only the picture's.
    const problem =
      prepared.code === 'INVALID_INPUT' ? prepared.message.replace(/^[^：]*：[\w.]+: /, '') : prepared.message
    set({ busy: null, errors: { ...get().errors, image: `图片上传失败：${problem}` } })
    return
  }
  try {
    const fileId = await uploadPickedFile(prepared.data.cloudPath, image.path)
    delete pendingRequestIds.save
    set({ busy: null, form: { ...get().form, image: fileId } })
  } catch (error) {
    const reason = String((error as Error).message ?? error).replace(/^cloud\.uploadFile:fail /, '')
    set({ busy: null, errors: { ...get().errors, image: `图片上传失败：${reason}` } })
  }
}

/** The item edit form and its writes (`admin.saveItem`, `retireItem` / `restoreItem`, `adjustStock`). Admins. */
export const useItemEditorStore = create<ItemEditorStore>((set, get) => {
  // One write of each kind at a time: a second tap while one is on its way sends nothing.
  const saveOnce = submitOnce(() => saveForm(set, get))
  return {
    openedFor: null,
    form: itemFormOf(null),
    errors: {},
    stockDelta: '',
    stockError: null,
    busy: null,
    notice: null,
    open(item) {
      for (const write of Object.keys(pendingRequestIds) as ItemWrite[]) delete pendingRequestIds[write]
      set({
        openedFor: item?.id ?? NEW_ITEM,
        form: itemFormOf(item),
        errors: {},
        stockDelta: '',
        stockError: null,
        busy: null,
        notice: null,
      })
    },
    edit(field, value) {
      // A changed form is a new intent: it must not replay the last attempt's answer.
      delete pendingRequestIds.save
      set({ form: { ...get().form, [field]: value }, errors: { ...get().errors, [field]: undefined } })
    },
    setStockDelta(text) {
      delete pendingRequestIds.stock
      set({ stockDelta: text, stockError: null })
    },
    save: async () => (await saveOnce()) ?? null,
    setOnSale: submitOnce(async (itemId: string, onSale: boolean) => {
      set({ busy: 'status', notice: null })
      const input = { requestId: requestIdFor('status'), itemId }
      const answer = await callAction('admin', onSale ? 'restoreItem' : 'retireItem', input)
      finishWrite(set, 'status', answer, onSale ? '已恢复上架' : '已下架')
    }),
    adjustStock: submitOnce((itemId: string) => adjustStockBy(set, get, itemId)),
    attachImage: submitOnce((image: PickedImage) => uploadImage(set, get, image)),
  }
})
