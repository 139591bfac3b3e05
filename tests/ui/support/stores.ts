import { useApprovalsStore } from '@/admin/stores/approvalsStore'
import { useAuditLogStore } from '@/admin/stores/auditLogStore'
import { useCatalogueStore } from '@/admin/stores/catalogueStore'
import { useCouponIssueStore } from '@/admin/stores/couponIssueStore'
import { useCouponTemplatesStore } from '@/admin/stores/couponTemplatesStore'
import { useExportsStore } from '@/admin/stores/exportsStore'
import { useItemEditorStore } from '@/admin/stores/itemEditorStore'
import { useJobsStore } from '@/admin/stores/jobsStore'
import { useMemberDetailStore } from '@/admin/stores/memberDetailStore'
import { useMemberListsStore } from '@/admin/stores/memberListsStore'
import { useMemberSearchStore } from '@/admin/stores/memberSearchStore'
import { useMemberWritesStore } from '@/admin/stores/memberWritesStore'
import { useProgrammeEditorStore } from '@/admin/stores/programmeEditorStore'
import { useRfmThresholdsStore } from '@/admin/stores/rfmThresholdsStore'
import { useStaffListStore } from '@/admin/stores/staffListStore'
import { useStoreEditorStore } from '@/admin/stores/storeEditorStore'
import { useStoreListStore } from '@/admin/stores/storeListStore'
import { useStoreQrStore } from '@/admin/stores/storeQrStore'
import { useTemplateEditorStore } from '@/admin/stores/templateEditorStore'
import { useInviteStore } from '@/staff/stores/inviteStore'
import { useMemberPanelStore } from '@/staff/stores/memberPanelStore'
import { useScanStore } from '@/staff/stores/scanStore'
import { useTodayStore } from '@/staff/stores/todayStore'
import { useVerificationStore } from '@/staff/stores/verificationStore'
import { useCardStore } from '@/stores/cardStore'
import { useCheckInStore } from '@/stores/checkInStore'
import { useCouponCentreStore } from '@/stores/couponCentreStore'
import { useCouponDetailStore } from '@/stores/couponDetailStore'
import { useHistoryStore } from '@/stores/historyStore'
import { useJoinStore } from '@/stores/joinStore'
import { useMallItemStore } from '@/stores/mallItemStore'
import { useMallStore } from '@/stores/mallStore'
import { useMemberCodeStore } from '@/stores/memberCodeStore'
import { useOrdersStore } from '@/stores/ordersStore'
import { useProfileStore } from '@/stores/profileStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { useWalletStore } from '@/stores/walletStore'

/** Puts every store back as the app starts, so no test sees what an earlier one loaded. */
export function resetStores(): void {
  useMemberCodeStore.getState().reset()
  useMallItemStore.getState().reset()
  useCouponDetailStore.getState().reset()
  useMemberPanelStore.getState().reset()
  useVerificationStore.getState().reset()
  useTodayStore.getState().reset()
  useJobsStore.getState().reset()
  useStaffListStore.getState().reset()
  useAuditLogStore.getState().reset()
  useApprovalsStore.getState().reset()
  useProgrammeEditorStore.getState().reset()
  useItemEditorStore.getState().open(null)
  useTemplateEditorStore.getState().open(null)
  useCouponIssueStore.getState().open({})
  useMemberWritesStore.getState().reset()
  useExportsStore.getState().reset()
  for (const store of [
    useCardStore,
    useCheckInStore,
    useHistoryStore,
    useJoinStore,
    useMemberCodeStore,
    useProfileStore,
    useProgrammeStore,
    useMallStore,
    useMallItemStore,
    useOrdersStore,
    useCouponCentreStore,
    useWalletStore,
    useCouponDetailStore,
    useStaffAccessStore,
    useMemberPanelStore,
    useVerificationStore,
    useScanStore,
    useTodayStore,
    useInviteStore,
    useJobsStore,
    useCatalogueStore,
    useItemEditorStore,
    useCouponTemplatesStore,
    useTemplateEditorStore,
    useCouponIssueStore,
    useStoreListStore,
    useStoreEditorStore,
    useStoreQrStore,
    useMemberSearchStore,
    useMemberDetailStore,
    useMemberWritesStore,
    useMemberListsStore,
    useRfmThresholdsStore,
  ] as const) {
    ;(store as { setState(state: unknown, replace: true): void }).setState(store.getInitialState(), true)
  }
}
