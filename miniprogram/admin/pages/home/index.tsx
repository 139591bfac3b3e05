import type { StaffMe } from '@shared/contracts'
import { ROLE_NAMES } from '@shared/staff/roles'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { navigate } from '@/navigation'
import { AdminGate } from '../../components/AdminGate'
import { adminSectionsFor } from '../../utils/adminSections'
import '../../admin.css'

function Sections({ staff }: { staff: StaffMe }) {
  const sections = adminSectionsFor(staff.role)
  return (
    <>
      <View className='admin-card' id='admin-identity'>
        <Text className='admin-card__title'>{staff.name}</Text>
        <Text className='admin-card__note'>
          {ROLE_NAMES[staff.role]}
          {staff.storeName === null ? ' · 全部门店' : ` · ${staff.storeName}`}
        </Text>
      </View>
      <View className='admin-links'>
        {sections.map((section) => (
          <View key={section.id} className='admin-link' id={section.id} onClick={() => void navigate(section.route)}>
            <View className='admin-link__text'>
              <Text className='admin-link__title'>{section.title}</Text>
              <Text className='admin-link__note'>{section.note}</Text>
            </View>
            <Text className='admin-link__chevron'>›</Text>
          </View>
        ))}
      </View>
    </>
  )
}

/** 管理后台: who is signed in and the sections their role may open. Managers and admins. */
export default function AdminHomePage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {(staff) => <Sections staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}
