import type { StaffRole } from '@shared/contracts'
import type { RouteName } from '@/routes'

/** A section of the admin home page. */
export interface AdminSection {
  readonly id: string
  readonly route: RouteName
  readonly title: string
  readonly note: string
}

/**
 * The sections a role may open, in the order the home page lists them (issue 11's table): jobs are
 * the brand admin's alone (`jobs.*` require an admin); managers read the mall catalogue and decide
 * their own store's approvals.
 */
export function adminSectionsFor(role: StaffRole): readonly AdminSection[] {
  const sections: AdminSection[] = []
  if (role === 'admin') {
    sections.push({
      id: 'admin-section-jobs',
      route: 'adminJobs',
      title: '任务',
      note: '定时任务的运行情况，立即运行或试运行',
    })
  }
  if (role === 'admin' || role === 'manager') {
    sections.push({
      id: 'admin-section-dashboard',
      route: 'adminDashboard',
      title: '数据看板',
      note: role === 'admin' ? '全品牌与各门店的会员、消费、积分和券，按天' : '本店的会员、消费、积分和券，按天',
    })
    sections.push({
      id: 'admin-section-approvals',
      route: 'adminApprovals',
      title: '审批',
      note: role === 'admin' ? '各门店店员超出限额的消费：批准或驳回' : '本店店员超出限额的消费：批准或驳回',
    })
    sections.push({
      id: 'admin-section-items',
      route: 'adminItems',
      title: '商品管理',
      note: role === 'admin' ? '积分商城的商品：新建、编辑、上下架、库存' : '积分商城的商品（只读）',
    })
    sections.push({
      id: 'admin-section-coupons',
      route: 'adminCouponTemplates',
      title: '优惠券模板',
      note: role === 'admin' ? '新建、编辑、停发优惠券模板，向会员发券' : '优惠券模板（只读），向本店会员发券',
    })
    sections.push({
      id: 'admin-section-stores',
      route: 'adminStores',
      title: '门店',
      note: role === 'admin' ? '门店信息、新建门店、门店入会二维码' : '本店信息与入会二维码',
    })
    sections.push({
      id: 'admin-section-programme',
      route: 'adminProgramme',
      title: '会员规则',
      note:
        role === 'admin'
          ? '等级、积分、活动、签到与有效期：试算、发布、历史版本'
          : '等级、积分、活动与签到规则（只读）',
    })
    sections.push({
      id: 'admin-section-staff',
      route: 'adminStaff',
      title: '员工',
      note: role === 'admin' ? '各门店员工：更改角色、解绑、邀请' : '本店员工：解绑店员、邀请店员',
    })
    sections.push({
      id: 'admin-section-audit',
      route: 'adminAudit',
      title: '操作日志',
      note: role === 'admin' ? '所有门店的操作记录，按门店、员工、操作和日期筛选' : '本店的操作记录',
    })
    sections.push({
      id: 'admin-section-members',
      route: 'adminMembers',
      title: '会员',
      note: '搜索会员，查看积分与记录；调整积分、更正生日、授予等级',
    })
  }
  return sections
}
