import type { StoreQrCode } from '@shared/contracts'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { AdminGate } from '../../components/AdminGate'
import { useStoreQrStore } from '../../stores/storeQrStore'
import { saveImage } from '../../utils/saveImage'
import '../../admin.css'

function QrCode({ code }: { code: StoreQrCode }) {
  const keep = async () => {
    const text = await saveImage(code.imageUrl, `${code.storeId}-qrcode.png`)
    await Taro.showToast({ title: text, icon: 'none' })
  }
  return (
    <View className='admin-card admin-qr'>
      <Image className='admin-qr__image' id='store-qr-image' src={code.imageUrl} mode='aspectFit' />
      <Text className='admin-card__note'>顾客微信扫码即可加入会员，并记为本店会员</Text>
      <Button className='button button--primary' id='store-qr-save' onClick={() => void keep()}>
        {process.env.TARO_ENV === 'h5' ? '下载二维码' : '保存到相册'}
      </Button>
    </View>
  )
}

/** One object, so the selector answers the same value while another store's code is held (no re-render loop). */
const IDLE = { status: 'idle' } as const

function StoreQr({ storeId }: { storeId: string }) {
  const state = useStoreQrStore((store) => (store.storeId === storeId ? store.state : IDLE))
  const loadFor = useStoreQrStore((store) => store.load)
  const load = useCallback(() => loadFor(storeId), [loadFor, storeId])
  usePageData(load)
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='只能查看本店的二维码' />}>
      {(code) => <QrCode code={code} />}
    </Loaded>
  )
}

/** 门店二维码: the store's join 小程序码, to print, saved to the album (downloaded in H5). Admins; managers their own. */
export default function AdminStoreQrPage() {
  const storeId = useRouteQuery('adminStoreQr').id
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {() =>
          storeId === undefined ? <LoadState state='empty' message='没有这个门店' /> : <StoreQr storeId={storeId} />
        }
      </AdminGate>
    </PageShell>
  )
}
