/**
 * Collection notices for `npm run bench`: 500 催收通知书 rendered into one PDF (target < 15 s),
 * the process RSS around it, and the fonts of the file per `pdffonts` (embedded, not Type 3).
 * Self-contained: its own temp database with 500 overdue loans. Run alone:
 * `npx tsx scripts/bench-notices.ts [count] [out.pdf]`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import type { BenchResult } from './bench'
import { residentIdCheck } from './demo/people'

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'

type Backend = Awaited<ReturnType<typeof createBackend>>

async function call(
  b: Backend,
  method: string,
  input: unknown,
  token: string | null,
): Promise<Record<string, unknown>> {
  const r = await b.dispatch({ method, input, token })
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as Record<string, unknown>
}

/** A database with `count` overdue loans; returns the backend, a manager token and the loan ids. */
async function seed(dir: string, count: number): Promise<{ b: Backend; token: string; loanIds: number[] }> {
  const b = await createBackend({ dataDir: dir, now: () => new Date('2026-03-02T02:00:00.000Z') })
  await call(
    b,
    'system.setup',
    {
      orgName: '青山县农村信用合作联社',
      branchCode: '3301',
      adminUsername: 'admin',
      adminDisplayName: '管理员',
      adminPassword: 'Admin1234',
    },
    null,
  )
  const token = (await call(b, 'auth.login', { username: 'admin', password: 'Admin1234' }, null)).token as string
  const loanIds: number[] = []
  for (let i = 0; i < count; i++) {
    const first17 = `330127198${i % 10}0101${String(i % 1000).padStart(3, '0')}`
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`
    const br = await call(
      b,
      'borrowers.create',
      {
        kind: 'individual',
        name,
        idNumber: first17 + residentIdCheck(first17),
        village: '青山镇前进村',
        creditRating: 'A',
      },
      token,
    )
    const l = await call(
      b,
      'loans.create',
      {
        borrowerId: br.id,
        contractNo: `HT-B-${i}`,
        iouNo: `JJ-B-${i}`,
        product: '农户小额信用贷款',
        principal: 1_000_000 + i * 100,
        annualRate: '6',
        termMonths: 12,
        method: 'equal_principal',
        disbursementDate: '2025-03-10',
        maturityDate: '2026-03-10',
        purpose: '种植',
        guaranteeType: 'credit',
      },
      token,
    )
    await call(b, 'servicing.createPlan', { loanId: l.id }, token)
    loanIds.push(l.id as number)
  }
  return { b, token, loanIds }
}

/** Fonts listed by pdffonts: total, embedded, Type 3 (null when poppler is missing). */
function pdffonts(file: string): { total: number; embedded: number; type3: number } | null {
  const r = spawnSync('pdffonts', [file], { encoding: 'utf8' })
  if (r.status !== 0) return null
  const rows = r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
  return {
    total: rows.length,
    embedded: rows.filter((l) => / yes\s+(yes|no)\s+(yes|no)\s+\d+/.test(l)).length,
    type3: rows.filter((l) => /Type 3/.test(l)).length,
  }
}

/** The area bench: 500 notices. */
export function benchNotices(_dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  return benchNoticeBatch(log, 500)
}

/** Prints `count` notices into one PDF (kept at `out` when given). */
export async function benchNoticeBatch(log: (s: string) => void, count: number, out?: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'daihou-bench-notices-'))
  try {
    log(`notices: seeding ${count} overdue loans …`)
    const { b, token, loanIds } = await seed(dir, count)
    const batch = await call(b, 'notices.createBatch', { loanIds, asOf: '2026-03-02' }, token)
    const ids = (batch.notices as { id: number }[]).map((n) => n.id)
    if (ids.length !== count) throw new Error(`expected ${count} notices, got ${ids.length}`)
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const t0 = performance.now()
    const pdf = await call(b, 'notices.pdf', { noticeIds: ids }, token)
    const ms = performance.now() - t0
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    const file = out ?? join(dir, 'notices.pdf')
    const bytes = Buffer.from(pdf.contentBase64 as string, 'base64')
    writeFileSync(file, bytes)
    const fonts = pdffonts(file)
    log(
      `notices: ${count} pages, ${(bytes.length / 1048576).toFixed(2)} MiB, fonts ${fonts ? `${fonts.embedded}/${fonts.total} embedded, ${fonts.type3} Type 3` : 'unchecked (pdffonts missing)'}`,
    )
    await b.close()
    const results: BenchResult[] = [
      { name: `notices: ${count} → one PDF (target < 15 s)`, value: ms, unit: 'ms' },
      { name: 'notices: peak RSS while rendering', value: peak / 1048576, unit: 'MiB' },
      { name: 'notices: PDF size', value: bytes.length / 1048576, unit: 'MiB' },
    ]
    if (fonts)
      results.push({
        name: 'notices: fonts embedded (1 = all)',
        value: fonts.total ? fonts.embedded / fonts.total : 0,
        unit: 'ratio',
      })
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('bench-notices.ts')) {
  const count = Number(process.argv[2] ?? 500)
  benchNoticeBatch((s) => console.log(s), count, process.argv[3])
    .then((rs) => rs.forEach((r) => console.log(`  ${r.name.padEnd(48)} ${r.value.toFixed(2).padStart(12)} ${r.unit}`)))
    .catch((e: Error) => {
      console.error(e.message)
      process.exit(1)
    })
}
