import type { StaffRole } from '@shared/contracts'
import type { RouteName } from '@/routes'

/** A section of the admin home page. */
export interface AdminSection {
  readonly id: string
  readonly route: RouteName
  readonly title: string
  readonly note: string
}

/** A section and what it says to each role that may open it; a role without a note does not see it. */
interface SectionDefinition {
  readonly id: string
  readonly route: RouteName
  readonly title: string
  readonly notes: Partial<Record<StaffRole, string>>
}

const MEMBERS_NOTE = '搜索会员，查看积分与记录；调整积分、更正生日、授予等级'

/**
 * Every section, in the order the home page lists them, with issue 11's table in the notes: jobs are
 * the brand admin's alone (`jobs.*` require an admin); managers read the mall catalogue and decide
 * their own store's approvals; clerks see none.
 */
const SECTIONS: readonly SectionDefinition[] = [
  {
    id: 'admin-section-jobs',
    route: 'adminJobs',
    title: '任务',
    notes: { admin: '定时任务的运行情况，立即运行或试运行' },
  },
  {
    id: 'admin-section-dashboard',
    route: 'adminDashboard',
    title: '数据看板',
    notes: { admin: '全品牌与各门店的会员、消费、积分和券，按天', manager: '本店的会员、消费、积分和券，按天' },
  },
  {
    id: 'admin-section-memberLists',
    route: 'adminMemberLists',
    title: '会员名单',
    notes: {
      admin: '沉睡、本月生日、即将升级、积分将过期的会员，一键发券',
      manager: '本店沉睡、本月生日、即将升级、积分将过期的会员，一键发券',
    },
  },
  {
    id: 'admin-section-approvals',
    route: 'adminApprovals',
    title: '审批',
    notes: { admin: '各门店店员超出限额的消费：批准或驳回', manager: '本店店员超出限额的消费：批准或驳回' },
  },
  {
    id: 'admin-section-items',
    route: 'adminItems',
    title: '商品管理',
    notes: { admin: '积分商城的商品：新建、编辑、上下架、库存', manager: '积分商城的商品（只读）' },
  },
  {
    id: 'admin-section-coupons',
    route: 'adminCouponTemplates',
    title: '优惠券模板',
    notes: { admin: '新建、编辑、停发优惠券模板，向会员发券', manager: '优惠券模板（只读），向本店会员发券' },
  },
  {
    id: 'admin-section-stores',
    route: 'adminStores',
    title: '门店',
    notes: { admin: '门店信息、新建门店、门店入会二维码', manager: '本店信息与入会二维码' },
  },
  {
    id: 'admin-section-programme',
    route: 'adminProgramme',
    title: '会员规则',
    notes: {
      admin: '等级、积分、活动、签到与有效期：试算、发布、历史版本',
      manager: '等级、积分、活动与签到规则（只读）',
    },
  },
  {
    id: 'admin-section-staff',
    route: 'adminStaff',
    title: '员工',
    notes: { admin: '各门店员工：更改角色、解绑、邀请', manager: '本店员工：解绑店员、邀请店员' },
  },
  {
    id: 'admin-section-audit',
    route: 'adminAudit',
    title: '操作日志',
    notes: { admin: '所有门店的操作记录，按门店、员工、操作和日期筛选', manager: '本店的操作记录' },
  },
  {
    id: 'admin-section-members',
    route: 'adminMembers',
    title: '会员',
    notes: { admin: MEMBERS_NOTE, manager: MEMBERS_NOTE },
  },
]

/** The sections a role may open, in the home page's order, each with the note for that role. */
export function adminSectionsFor(role: StaffRole): readonly AdminSection[] {
  return SECTIONS.flatMap(({ notes, ...section }) => {
    const note = notes[role]
    return note === undefined ? [] : [{ ...section, note }]
  })
}
