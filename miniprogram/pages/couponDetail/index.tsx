import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { useCouponDetailStore } from '@/stores/couponDetailStore'
import { CouponCode, CouponFace } from './CouponCode'
import { Preview } from './Preview'
import { useLiveCouponCode } from './useLiveCouponCode'
import './index.css'

/** One coupon: what it gives, its validity, its signed counter code (QR + barcode) and a discount preview. */
export default function CouponDetailPage() {
  const couponId = useRouteQuery('couponDetail').id ?? ''
  const coupon = useCouponDetailStore((store) => store.coupon)
  const load = useCouponDetailStore((store) => store.load)
  const reload = useCallback(() => load(couponId), [load, couponId])
  const visible = usePageData(
    reload,
    useCouponDetailStore((store) => store.reset),
  )
  useLiveCouponCode(visible && coupon.status === 'ready' && coupon.data.state === 'available')

  return (
    <PageShell className='coupon-page'>
      <Loaded state={coupon} onRetry={reload}>
        {(data) => (
          <>
            <CouponFace coupon={data} />
            <CouponCode coupon={data} />
            {(data.state === 'available' || data.state === 'notYetValid') && <Preview />}
          </>
        )}
      </Loaded>
    </PageShell>
  )
}
