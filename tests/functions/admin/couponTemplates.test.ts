import type { ActionInput, ApiEnvelope } from '@shared/contracts'
import { insertTemplate } from '../coupon/testTemplates'
import { seedMember } from '../mall/seededMembers'
import { ADMIN, MANAGER, NOW, STAFF, snapshotOf } from '../staff/staffFixtures'
import { type FunctionHarness, useFunctionHarness } from '../support/functionHarness'

type SaveInput = ActionInput<'admin', 'saveCouponTemplate'>
type Template = SaveInput['template']

const TEN_OFF: Template = {
  id: 'ten-off-fifty',
  title: '满50减10',
  description: '全场通用',
  benefit: { kind: 'cashOff', amountOffFen: 1000, minSpendFen: 5000 },
  validity: { kind: 'afterIssue', days: 14 },
  totalQuantity: 5,
  perMemberLimit: 1,
  tierIds: [],
  claimWindow: null,
  storeIds: [],
}

function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`)
  return answer.data
}

/** Everything a template write may touch, besides what `snapshotOf` covers. */
async function templateSnapshot(harness: FunctionHarness) {
  const { data } = await harness.db.collection('coupon_templates').limit(1000).get()
  const templates = [...(data as { _id: string }[])].sort((a, b) => a._id.localeCompare(b._id))
  return { ...(await snapshotOf(harness)), templates }
}

jest.setTimeout(120_000)

describe('admin coupon templates', () => {
  const harness = useFunctionHarness()

  const save = (input: SaveInput, as = ADMIN) => harness.call('admin', 'saveCouponTemplate', input, { as, atMs: NOW })
  const setStatus = (action: 'retireCouponTemplate' | 'restoreCouponTemplate', templateId: string, requestId: string) =>
    harness.call('admin', action, { templateId, requestId }, { as: ADMIN, atMs: NOW })
  const claim = (openid: string, templateId: string, requestId: string) =>
    harness.call('coupon', 'claim', { templateId, requestId }, { as: openid, atMs: NOW })
  const stored = async (id: string) => (await harness.db.collection('coupon_templates').doc(id).get()).data

  it('creates a template members can claim, lists it for a manager, and audits it once for a replay', async () => {
    const created = dataOf(await save({ requestId: 'tpl-create-0001', template: TEN_OFF }))
    expect(created).toMatchObject({ created: true, template: { id: 'ten-off-fifty', issued: 0, status: 'active' } })
    expect(created.changes.title).toEqual({ before: null, after: '满50减10' })
    await expect(save({ requestId: 'tpl-create-0001', template: TEN_OFF })).resolves.toMatchObject({
      ok: true,
      data: { created: true, template: { id: 'ten-off-fifty' } },
    })
    const audits = await harness.db.collection('audit').where({ action: 'saveCouponTemplate' }).count()
    expect(audits.total).toBe(1)

    const listed = dataOf(await harness.call('admin', 'listCouponTemplates', {}, { as: MANAGER, atMs: NOW }))
    expect(listed.templates.find((template) => template.id === 'ten-off-fifty')).toMatchObject({ totalQuantity: 5 })
    const member = await seedMember(harness, { prefix: 'o-tpl-claim', points: 1, atMs: NOW })
    await expect(claim(member.openid, 'ten-off-fifty', 'tpl-claim-00001')).resolves.toMatchObject({
      ok: true,
      data: { coupon: { title: '满50减10', benefit: { kind: 'cashOff', amountOffFen: 1000 } } },
    })
  })

  it('edits only what changed, replacing a benefit of another kind whole', async () => {
    await save({ requestId: 'tpl-edit-000001', template: TEN_OFF })
    const edit: Template = {
      ...TEN_OFF,
      title: '全场85折',
      benefit: { kind: 'percentOff', payPercent: 85, maxDiscountFen: null, minSpendFen: 0 },
    }
    const edited = dataOf(await save({ requestId: 'tpl-edit-000002', template: edit }))
    expect(Object.keys(edited.changes).sort()).toEqual(['benefit', 'title'])
    expect((await stored('ten-off-fifty')).benefit).toEqual(edit.benefit)
    const entry = (await harness.db.collection('audit').doc('admin_tpl-edit-000002').get()).data
    expect(entry).toMatchObject({ action: 'saveCouponTemplate', operatorOpenid: ADMIN, subjectId: 'ten-off-fifty' })
    expect(entry.changes.title).toEqual({ before: '满50减10', after: '全场85折' })
  })

  it('never lowers the total below what was issued, and changes nothing when refused', async () => {
    await insertTemplate(harness, { id: 'half-gone', totalQuantity: 10, issued: 6 })
    const before = await templateSnapshot(harness)
    const lowered = { ...TEN_OFF, id: 'half-gone', title: '改名', totalQuantity: 5 }
    await expect(save({ requestId: 'tpl-lower-00001', template: lowered })).resolves.toMatchObject({
      ok: false,
      code: 'TOTAL_BELOW_ISSUED',
    })
    await expect(templateSnapshot(harness)).resolves.toEqual(before)
    await expect(
      save({ requestId: 'tpl-lower-00002', template: { ...lowered, totalQuantity: 6 } }),
    ).resolves.toMatchObject({ ok: true, data: { template: { totalQuantity: 6, issued: 6 } } })
  })

  it.each([
    ['a clerk', STAFF, { requestId: 'tpl-refused-001', template: TEN_OFF }, 'FORBIDDEN'],
    ['a manager', MANAGER, { requestId: 'tpl-refused-002', template: TEN_OFF }, 'FORBIDDEN'],
    [
      'bad input',
      ADMIN,
      { requestId: 'tpl-refused-003', template: { ...TEN_OFF, perMemberLimit: 0 } },
      'INVALID_INPUT',
    ],
    ['a bad id', ADMIN, { requestId: 'tpl-refused-004', template: { ...TEN_OFF, id: 'Bad Id' } }, 'INVALID_INPUT'],
  ])('refuses %s and changes nothing', async (_name, as, input, code) => {
    const before = await templateSnapshot(harness)
    await expect(save(input as SaveInput, as)).resolves.toMatchObject({ ok: false, code })
    await expect(templateSnapshot(harness)).resolves.toEqual(before)
  })

  it('retires a template so that claims are refused, and restores it', async () => {
    await insertTemplate(harness, { id: 'retiring', totalQuantity: 10 })
    const member = await seedMember(harness, { prefix: 'o-tpl-retire', points: 1, atMs: NOW })
    await expect(setStatus('retireCouponTemplate', 'retiring', 'tpl-retire-0001')).resolves.toMatchObject({
      ok: true,
      data: { template: { status: 'retired' }, changes: { status: { before: 'active', after: 'retired' } } },
    })
    const before = await templateSnapshot(harness)
    await expect(claim(member.openid, 'retiring', 'tpl-claim-retired')).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_RETIRED',
    })
    await expect(templateSnapshot(harness)).resolves.toEqual(before)
    const centre = dataOf(await harness.call('coupon', 'claimable', {}, { as: member.openid, atMs: NOW }))
    expect(centre.templates.map((template) => template.templateId)).not.toContain('retiring')

    await expect(setStatus('restoreCouponTemplate', 'retiring', 'tpl-restore-001')).resolves.toMatchObject({
      ok: true,
      data: { template: { status: 'active' } },
    })
    await expect(claim(member.openid, 'retiring', 'tpl-claim-restored')).resolves.toMatchObject({ ok: true })
    await expect(setStatus('retireCouponTemplate', 'no-such-template', 'tpl-retire-0002')).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_FOUND',
    })
    await expect(setStatus('restoreCouponTemplate', 'retiring', 'tpl-retire-0001')).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
  })
})
