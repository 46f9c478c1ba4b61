import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

describe('borrowers: identifiers, duplicates, masking, scope, households', () => {
  it('derives birth date and sex from the ID number and pinyin initials from the name', async () => {
    const b = await w.t.call(
      'borrowers.create',
      { kind: 'individual', name: '张三丰', idNumber: makeId('19700315', 11).toLowerCase(), phone: '13800138000' },
      w.tokens.officer,
    )
    expect(b).toMatchObject({
      birthDate: '1970-03-15',
      sex: 'M',
      nameInitials: 'zsf',
      masked: false,
      officerId: w.ids.officer,
    })
    expect(b.idNumber).toBe(makeId('19700315', 11).toUpperCase())
  })

  it('refuses an invalid ID number with a field path and a zh-CN reason', async () => {
    const bad = makeId('19800101', 5).slice(0, 17) + (makeId('19800101', 5).endsWith('0') ? '1' : '0')
    const e = await w.t.fail('borrowers.create', { kind: 'individual', name: '李四', idNumber: bad }, w.tokens.officer)
    expect(e.code).toBe('VALIDATION')
    expect(e.fields?.[0]).toMatchObject({ path: 'idNumber' })
    expect(e.message).toMatch(/身份证号.*无效/)
    const e2 = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '李四', idNumber: makeId('19800230', 5) },
      w.tokens.officer,
    )
    expect(e2.fields?.[0]?.path).toBe('idNumber')
  })

  it('a second borrower with the same ID is refused; the existing record is named only to those who may see it', async () => {
    const first = await w.t.call(
      'borrowers.create',
      { kind: 'individual', name: '王芳', idNumber: makeId('19850601', 22), village: '白水镇红星村' },
      w.tokens.officer,
    )
    const e = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '王小芳', idNumber: makeId('19850601', 22) },
      w.tokens.officer,
    )
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toContain('王芳')
    expect(e.message).toContain(`编号 ${first.id}`)
    expect(e.data).toEqual({ existingBorrowerId: first.id })
    expect(e.fields?.[0]?.path).toBe('idNumber')
    // Another officer's portfolio (issue 14.2): refused without naming the owner.
    const outside = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '王小芳', idNumber: makeId('19850601', 22) },
      w.tokens.officer2,
    )
    expect(outside.code).toBe('CONFLICT')
    expect(outside.message).not.toContain('王芳')
    expect(outside.data).toBeUndefined()
    // Updating another borrower to the same ID is refused too.
    const other = await w.borrower('赵六')
    expect(
      (await w.t.fail('borrowers.update', { id: other.id, idNumber: makeId('19850601', 22) }, w.tokens.officer)).code,
    ).toBe('CONFLICT')
  })

  it('validates the 统一社会信用代码 of enterprises and requires a legal representative', async () => {
    const ok = await w.t.call(
      'borrowers.create',
      {
        kind: 'enterprise',
        name: '青山镇前进农业专业合作社',
        creditCode: '91350100M000100Y43',
        legalRep: '张三',
        businessScope: '种植',
      },
      w.tokens.officer,
    )
    expect(ok.creditCode).toBe('91350100M000100Y43')
    const e = await w.t.fail(
      'borrowers.create',
      { kind: 'enterprise', name: '某公司', creditCode: '91350100M000100Y44', legalRep: '张三' },
      w.tokens.officer,
    )
    expect(e.fields?.[0]).toMatchObject({ path: 'creditCode' })
    const e2 = await w.t.fail(
      'borrowers.create',
      { kind: 'enterprise', name: '某公司', creditCode: '91350100M000100Y43' },
      w.tokens.officer,
    )
    expect(e2.fields?.map((f) => f.path)).toContain('legalRep')
  })

  it('masks ID numbers, phones and birth dates for roles without pii.view (archivist, auditor)', async () => {
    const b = await w.borrower('钱七', { phone: '13912345678' })
    for (const token of [w.tokens.archivist, w.tokens.auditor]) {
      const v = (await w.t.call('borrowers.get', { id: b.id }, token)).borrower
      expect(v.masked).toBe(true)
      expect(v.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
      expect(v.phone).toBe('139****5678')
      expect(v.birthDate).toBeNull()
      const list = await w.t.call('borrowers.list', { limit: 500 }, token)
      expect(list.rows.every((r) => r.idNumber === null || r.idNumber.includes('*'))).toBe(true)
    }
    const full = (await w.t.call('borrowers.get', { id: b.id }, w.tokens.manager)).borrower
    expect(full.phone).toBe('13912345678')
  })

  it('officers see only their own portfolio unless they hold portfolio.all', async () => {
    const mine = await w.borrower('孙八')
    const theirs = await w.borrower('周九', { token: w.tokens.officer2 })
    const list1 = await w.t.call('borrowers.list', { limit: 500 }, w.tokens.officer)
    expect(list1.rows.map((r) => r.id)).toContain(mine.id)
    expect(list1.rows.map((r) => r.id)).not.toContain(theirs.id)
    expect((await w.t.fail('borrowers.get', { id: theirs.id }, w.tokens.officer)).code).toBe('NOT_FOUND')
    const all = await w.t.call('borrowers.list', { limit: 500 }, w.tokens.manager)
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]))
    expect(all.total).toBe(all.rows.length)
  })

  it('lists filter by village, rating and officer and sort by name', async () => {
    await w.borrower('阿甲', { village: '柳河乡东风村' })
    const r = await w.t.call('borrowers.list', { village: '柳河乡东风村', sort: 'name' }, w.tokens.manager)
    expect(r.rows.map((x) => x.name)).toEqual(['阿甲'])
    const byOfficer = await w.t.call('borrowers.list', { officerId: w.ids.officer2 }, w.tokens.manager)
    expect(byOfficer.rows.every((x) => x.officerId === w.ids.officer2)).toBe(true)
  })

  it('households: a head, members with relations, one household per person', async () => {
    const head = await w.borrower('刘大')
    const wife = await w.borrower('陈二')
    const h = await w.t.call('borrowers.createHousehold', { headBorrowerId: head.id }, w.tokens.officer)
    const h2 = await w.t.call(
      'borrowers.addHouseholdMember',
      { householdId: h.id, borrowerId: wife.id, relation: 'spouse' },
      w.tokens.officer,
    )
    expect(h2.members.map((m) => [m.name, m.relation])).toEqual([
      ['刘大', 'head'],
      ['陈二', 'spouse'],
    ])
    expect((await w.t.fail('borrowers.createHousehold', { headBorrowerId: wife.id }, w.tokens.officer)).code).toBe(
      'CONFLICT',
    )
    const detail = await w.t.call('borrowers.get', { id: wife.id }, w.tokens.officer)
    expect(detail.household?.id).toBe(h.id)
    expect(detail.timeline.length).toBeGreaterThan(0)
  })
})
