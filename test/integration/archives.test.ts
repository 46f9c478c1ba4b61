import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'
import { markSettled } from '../helpers/loans'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('fake png body for tests')])
const PDF = Buffer.from('%PDF-1.4\n% test scan\n')

async function fileFor(name: string) {
  const b = await w.borrower(name)
  const l = await w.loan(b.id)
  const f = await w.t.call('archives.register', { loanId: l.id, location: 'A柜-3层-12盒' }, w.tokens.archivist)
  return { b, l, f }
}

describe('loan files: checklist, numbering, keeper ≠ officer', () => {
  it('registers a file with the next number 机构号-年度-类别-流水号 and the template checklist', async () => {
    const { f } = await fileFor('档甲')
    expect(f.fileNo).toBe('3301-2026-DK-000001')
    expect(f.completeness).toBe(0)
    const { f: f2 } = await fileFor('档乙')
    expect(f2.fileNo).toBe('3301-2026-DK-000002')
    const d = await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)
    expect(d.items.map((i) => i.name)).toContain('借款合同')
    expect(d.items).toHaveLength(13)
  })

  it("the keeper may not be the loan's own officer", async () => {
    // The admin holds archives.write and is this loan's 主责任人.
    const b = await w.borrower('档丙', { token: w.tokens.admin })
    const l = await w.loan(b.id, { token: w.tokens.admin })
    const e = await w.t.fail('archives.register', { loanId: l.id }, w.tokens.admin)
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/主责任人/)
    // The failed registration rolled back: the next number is still gap-free.
    const ok = await w.t.call('archives.register', { loanId: l.id }, w.tokens.archivist)
    expect(ok.fileNo).toBe('3301-2026-DK-000003')
  })

  it('checklist items are present / missing / n.a., original or copy, pages; completeness ignores n.a.', async () => {
    const { f } = await fileFor('档丁')
    const d = await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)
    const [first, second, ...rest] = d.items
    await w.t.call(
      'archives.updateItem',
      { itemId: first!.id, state: 'present', original: true, pages: 3 },
      w.tokens.archivist,
    )
    await w.t.call(
      'archives.updateItem',
      { itemId: second!.id, state: 'present', original: false, pages: 1 },
      w.tokens.archivist,
    )
    for (const it of rest.slice(0, 9))
      await w.t.call('archives.updateItem', { itemId: it.id, state: 'na' }, w.tokens.archivist)
    const after = await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)
    expect(after.items[0]).toMatchObject({ state: 'present', original: true, pages: 3 })
    expect(after.file.completeness).toBe(50) // 2 present of 4 applicable
    const wb = await w.t.call('archives.workbench', { asOf: '2026-03-02' }, w.tokens.archivist)
    expect(wb.missing.find((m) => m.fileId === f.id)?.missing).toHaveLength(2)
  })

  it('a changed template applies to new registrations only', async () => {
    const before = await fileFor('档戊')
    await w.t.call(
      'archives.setTemplate',
      {
        category: 'DK',
        items: [
          { code: 'application', name: '借款申请书', active: true },
          { code: 'contract', name: '借款合同', active: true },
        ],
      },
      w.tokens.manager,
    )
    const after = await fileFor('档己')
    expect((await w.t.call('archives.get', { id: after.f.id }, w.tokens.archivist)).items.map((i) => i.name)).toEqual([
      '借款申请书',
      '借款合同',
    ])
    expect((await w.t.call('archives.get', { id: before.f.id }, w.tokens.archivist)).items).toHaveLength(13)
  })
})

describe('scans: content-addressed by SHA-256, deduplicated, verifiable, previewable', () => {
  it('stores a scan once however often it is attached, and previews it', async () => {
    const { f } = await fileFor('扫甲')
    const item = (await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)).items[0]!
    const a1 = await w.t.call(
      'archives.attach',
      { fileId: f.id, itemId: item.id, filename: '合同.png', mime: 'image/png', contentBase64: PNG.toString('base64') },
      w.tokens.archivist,
    )
    const { f: f2 } = await fileFor('扫乙')
    const a2 = await w.t.call(
      'archives.attach',
      { fileId: f2.id, filename: '同一张.png', mime: 'image/png', contentBase64: PNG.toString('base64') },
      w.tokens.archivist,
    )
    expect(a1.deduplicated).toBe(false)
    expect(a2.deduplicated).toBe(true)
    expect(a2.attachment.sha256).toBe(a1.attachment.sha256)
    const dir = join(w.t.dir, 'scans', a1.attachment.sha256.slice(0, 2))
    expect(readdirSync(dir).filter((n) => n === a1.attachment.sha256)).toHaveLength(1)
    const preview = await w.t.call('archives.scan', { sha256: a1.attachment.sha256 }, w.tokens.auditor)
    expect(Buffer.from(preview.contentBase64, 'base64').equals(PNG)).toBe(true)
    expect((await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)).items[0]?.scanSha256).toBe(
      a1.attachment.sha256,
    )
  })

  it('refuses content that does not match its type, and files over the size limit', async () => {
    const { f } = await fileFor('扫丙')
    const e = await w.t.fail(
      'archives.attach',
      { fileId: f.id, filename: 'x.pdf', mime: 'application/pdf', contentBase64: PNG.toString('base64') },
      w.tokens.archivist,
    )
    expect(e.fields?.[0]?.path).toBe('mime')
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(15 * 1024 * 1024)])
    expect(
      (
        await w.t.fail(
          'archives.attach',
          { fileId: f.id, filename: 'big.pdf', mime: 'application/pdf', contentBase64: big.toString('base64') },
          w.tokens.archivist,
        )
      ).message,
    ).toMatch(/文件过大/)
    expect(
      (
        await w.t.fail(
          'archives.attach',
          { fileId: f.id, filename: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'TVo=' },
          w.tokens.archivist,
        )
      ).code,
    ).toBe('VALIDATION')
  })

  it('integrity check finds a tampered or missing scan', async () => {
    const { f } = await fileFor('扫丁')
    const a = await w.t.call(
      'archives.attach',
      { fileId: f.id, filename: 's.pdf', mime: 'application/pdf', contentBase64: PDF.toString('base64') },
      w.tokens.archivist,
    )
    expect((await w.t.call('archives.verifyScans', { fileId: f.id }, w.tokens.archivist)).broken).toEqual([])
    const path = join(w.t.dir, 'scans', a.attachment.sha256.slice(0, 2), a.attachment.sha256)
    expect(existsSync(path)).toBe(true)
    writeFileSync(path, Buffer.from('%PDF-1.4 altered'))
    const v = await w.t.call('archives.verifyScans', {}, w.tokens.archivist)
    expect(v.broken.map((b) => b.sha256)).toEqual([a.attachment.sha256])
    expect(v.broken[0]?.reason).toMatch(/改动/)
  })
})

describe('borrowing register 借阅登记', () => {
  it('lends a file and returns it; overdue open lendings are flagged as of a date', async () => {
    const { f } = await fileFor('借甲')
    const lent = await w.t.call(
      'archives.lend',
      {
        fileId: f.id,
        borrowerName: '稽核部 孙某',
        purpose: '专项审计',
        approverId: w.ids.manager,
        lentOn: '2026-03-02',
        dueBack: '2026-03-09',
      },
      w.tokens.archivist,
    )
    expect((await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)).file.status).toBe('lent')
    expect(
      (
        await w.t.fail(
          'archives.lend',
          {
            fileId: f.id,
            borrowerName: 'x',
            purpose: 'y',
            approverId: w.ids.manager,
            lentOn: '2026-03-02',
            dueBack: '2026-03-09',
          },
          w.tokens.archivist,
        )
      ).code,
    ).toBe('CONFLICT')
    const onTime = await w.t.call('archives.lendings', { openOnly: true, asOf: '2026-03-09' }, w.tokens.archivist)
    expect(onTime.rows.find((r) => r.id === lent.id)?.overdue).toBe(false)
    const late = await w.t.call('archives.lendings', { overdueOnly: true, asOf: '2026-03-10' }, w.tokens.archivist)
    expect(late.rows.map((r) => r.id)).toContain(lent.id)
    const wb = await w.t.call('archives.workbench', { asOf: '2026-03-10' }, w.tokens.archivist)
    expect(wb.overdueCount).toBeGreaterThanOrEqual(1)
    const back = await w.t.call(
      'archives.return',
      { lendingId: lent.id, returnedOn: '2026-03-12', condition: '完好' },
      w.tokens.archivist,
    )
    expect(back).toMatchObject({ returnedOn: '2026-03-12', overdue: false })
    expect((await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)).file.status).toBe('in_store')
  })

  it("the keeper lending the file may not be the loan's officer, and the approver needs approval rights", async () => {
    const b = await w.borrower('借乙', { token: w.tokens.admin })
    const l = await w.loan(b.id, { token: w.tokens.admin })
    const f = await w.t.call('archives.register', { loanId: l.id }, w.tokens.archivist)
    const e = await w.t.fail(
      'archives.lend',
      {
        fileId: f.id,
        borrowerName: '自己',
        purpose: '查阅',
        approverId: w.ids.manager,
        lentOn: '2026-03-02',
        dueBack: '2026-03-03',
      },
      w.tokens.admin,
    )
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/主责任人/)
    const self = await w.t.fail(
      'archives.lend',
      {
        fileId: f.id,
        borrowerName: 'x',
        purpose: 'y',
        approverId: w.ids.admin,
        lentOn: '2026-03-02',
        dueBack: '2026-03-03',
      },
      w.tokens.admin,
    )
    expect(self.code).toBe('FORBIDDEN')
    const e2 = await w.t.fail(
      'archives.lend',
      {
        fileId: f.id,
        borrowerName: 'x',
        purpose: 'y',
        approverId: w.ids.officer,
        lentOn: '2026-03-02',
        dueBack: '2026-03-03',
      },
      w.tokens.archivist,
    )
    expect(e2.fields?.[0]?.path).toBe('approverId')
  })
})

describe('retention, legal hold, destruction', () => {
  it('due date = settlement + retention years; a legal hold blocks destruction; destruction is list → approval → record', async () => {
    const { l, f } = await fileFor('销甲')
    const { l: l2, f: f2 } = await fileFor('销乙')
    for (const loan of [l, l2]) markSettled(w.t, loan.id, '2026-01-20')
    expect((await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)).file.retentionUntil).toBe('2031-01-20')
    expect(
      (await w.t.fail('archives.proposeDestruction', { asOf: '2031-01-19', fileIds: [f.id] }, w.tokens.archivist))
        .message,
    ).toMatch(/尚未到期/)
    const wb = await w.t.call('archives.workbench', { asOf: '2031-01-20' }, w.tokens.archivist)
    expect(wb.dueForDestruction.map((x) => x.id)).toEqual(expect.arrayContaining([f.id, f2.id]))
    await w.t.call('archives.placeHold', { fileId: f2.id, reason: '借款人涉诉（2030民初123号）' }, w.tokens.archivist)
    const held = await w.t.fail(
      'archives.proposeDestruction',
      { asOf: '2031-01-20', fileIds: [f.id, f2.id] },
      w.tokens.archivist,
    )
    expect(held.code).toBe('CONFLICT')
    expect(held.message).toMatch(/诉讼保全/)
    expect(
      (await w.t.call('archives.workbench', { asOf: '2031-01-20' }, w.tokens.archivist)).dueForDestruction.map(
        (x) => x.id,
      ),
    ).not.toContain(f2.id)
    const list = await w.t.call(
      'archives.proposeDestruction',
      { asOf: '2031-01-20', fileIds: [f.id], note: '2026 年结清档案' },
      w.tokens.archivist,
    )
    expect(
      (await w.t.fail('archives.executeDestruction', { listId: list.id, executedOn: '2031-01-25' }, w.tokens.archivist))
        .message,
    ).toMatch(/尚未审批/)
    expect((await w.t.fail('archives.approveDestruction', { listId: list.id }, w.tokens.archivist)).code).toBe(
      'FORBIDDEN',
    )
    await w.t.call('archives.approveDestruction', { listId: list.id }, w.tokens.manager)
    const done = await w.t.call(
      'archives.executeDestruction',
      { listId: list.id, executedOn: '2031-01-25' },
      w.tokens.archivist,
    )
    expect(done).toMatchObject({ status: 'executed', proposedBy: '测试archivist', approvedBy: '测试manager' })
    const after = await w.t.call('archives.get', { id: f.id }, w.tokens.archivist)
    expect(after.file).toMatchObject({ status: 'destroyed', destroyedOn: '2031-01-25' }) // the row stays
    expect(after.items.length).toBeGreaterThan(0)
  })

  it('a hold placed after approval still blocks execution; only an approver releases it', async () => {
    const { l, f } = await fileFor('销丙')
    markSettled(w.t, l.id, '2020-01-01')
    const list = await w.t.call(
      'archives.proposeDestruction',
      { asOf: '2026-03-02', fileIds: [f.id] },
      w.tokens.archivist,
    )
    await w.t.call('archives.approveDestruction', { listId: list.id }, w.tokens.manager)
    await w.t.call('archives.placeHold', { fileId: f.id, reason: '审计调阅' }, w.tokens.archivist)
    expect(
      (await w.t.fail('archives.executeDestruction', { listId: list.id, executedOn: '2026-03-03' }, w.tokens.archivist))
        .message,
    ).toMatch(/诉讼保全/)
    expect((await w.t.fail('archives.releaseHold', { fileId: f.id }, w.tokens.archivist)).code).toBe('FORBIDDEN')
    await w.t.call('archives.releaseHold', { fileId: f.id }, w.tokens.manager)
    expect(
      (await w.t.call('archives.executeDestruction', { listId: list.id, executedOn: '2026-03-03' }, w.tokens.archivist))
        .status,
    ).toBe('executed')
  })
})
