/**
 * Archives figures for `npm run bench`: global search p95 over a realistic query mix (2-character
 * names, pinyin initials, ID/phone tails, contract/file numbers), the first page of the borrower
 * list, and an Excel import of 100k borrowers (preview + all-or-nothing commit) on a copy.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import { writeSheet } from '../electron/backend/imports/xlsx'
import { IMPORT_COLUMNS } from '../electron/backend/imports/kinds'
import type { BenchResult } from './bench'
import { addFilesDemo, addLoansDemo } from './demo/archives'
import { DEMO_PASSWORD } from './demo/generate'
import { residentIdCheck } from './demo/people'
import { createRandom } from './demo/random'

const NOW = '2026-11-01T01:00:00.000Z'

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] as number
}

type Backend = Awaited<ReturnType<typeof createBackend>>
async function login(b: Backend, username: string): Promise<string> {
  const r = await b.dispatch({ method: 'auth.login', input: { username, password: DEMO_PASSWORD } })
  if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`)
  return (r.value as { token: string }).token
}
async function timed(b: Backend, token: string, method: string, input: unknown): Promise<number> {
  const t0 = performance.now()
  const r = await b.dispatch({ method, input, token })
  const ms = performance.now() - t0
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return ms
}

/** A query mix drawn from the data itself, so every query has answers. */
function queries(b: Backend, n: number): string[] {
  const s = b.env.sqlite
  const r = createRandom(42)
  const maxId = (s.prepare('select max(id) from borrowers').raw().get() as [number])[0]
  const row = () =>
    s
      .prepare('select name, name_initials, id_number, phone from borrowers where id = ?')
      .raw()
      .get(r.int(1, maxId)) as [string, string, string | null, string]
  const loan = () =>
    s.prepare('select contract_no, iou_no from loans where id = ?').raw().get(r.int(1, maxId)) as
      [string, string] | undefined
  const file = () =>
    s.prepare('select file_no from loan_files where id = ?').raw().get(r.int(1, 50_000)) as [string] | undefined
  const out: string[] = []
  while (out.length < n) {
    const [name, initials, idn, phone] = row()
    const k = out.length % 10
    const q =
      k === 0
        ? name.slice(0, 2)
        : k === 1
          ? name
          : k === 2
            ? name.slice(0, 1)
            : k === 3
              ? initials
              : k === 4
                ? initials.slice(0, 2)
                : k === 5
                  ? (idn ?? phone).slice(-4)
                  : k === 6
                    ? (idn ?? phone).slice(-6)
                    : k === 7
                      ? (idn ?? phone)
                      : k === 8
                        ? (loan()?.[0] ?? phone).slice(0, 9)
                        : (file()?.[0] ?? phone.slice(-4))
    out.push(q)
  }
  return out
}

async function benchImport(dir: string, log: (s: string) => void, rows: number): Promise<BenchResult[]> {
  const copy = mkdtempSync(join(tmpdir(), 'daihou-bench-import-'))
  try {
    cpSync(join(dir, 'daihou.sqlite'), join(copy, 'daihou.sqlite'))
    const b = await createBackend({ dataDir: copy, now: () => new Date(NOW) })
    try {
      const token = await login(b, 'officer1')
      const r = createRandom(99)
      const cols = IMPORT_COLUMNS.borrowers.map((c) => c.header)
      const data = function* () {
        for (let i = 0; i < rows; i++) {
          // Unique by construction: birth date = 1950-01-01 + (i mod 18000) days, sequence = i div 18000.
          const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000)
            .toISOString()
            .slice(0, 10)
            .replace(/-/g, '')
          const first17 = `520102${birth}${String(Math.floor(i / 18_000)).padStart(3, '0')}`
          yield [
            '个人',
            `导入${'张王李赵刘陈'[i % 6]}${i}`,
            first17 + residentIdCheck(first17),
            '',
            `13${String(r.int(100_000_000, 999_999_999))}`,
            '青山镇前进村',
            `${(i % 12) + 1}组`,
            '',
            '种植户',
            String(r.int(30_000, 300_000)),
            'A',
            '',
            '',
            '',
          ]
        }
      }
      const t0 = performance.now()
      const xlsx = (await writeSheet({ sheet: '借款人', headers: cols, rows: data() })).toString('base64')
      log(
        `  import file: ${rows} rows, ${(xlsx.length / 1048576).toFixed(1)} MiB base64, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
      const preview = await timed(b, token, 'imports.preview', { kind: 'borrowers', contentBase64: xlsx })
      const commit = await timed(b, token, 'imports.commit', { kind: 'borrowers', contentBase64: xlsx })
      const again = await timed(b, token, 'imports.commit', { kind: 'borrowers', contentBase64: xlsx })
      return [
        { name: `import ${rows / 1000}k borrowers: preview`, value: preview, unit: 'ms' },
        { name: `import ${rows / 1000}k borrowers: commit (all-or-nothing)`, value: commit, unit: 'ms' },
        { name: `import ${rows / 1000}k borrowers: re-import (no changes)`, value: again, unit: 'ms' },
      ]
    } finally {
      await b.close()
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

/** Runs the archives benchmarks on the bench database in `dir`. */
export async function benchArchives(
  dir: string,
  log: (s: string) => void,
  opts: { importRows?: number } = {},
): Promise<BenchResult[]> {
  const b = await createBackend({ dataDir: dir, now: () => new Date(NOW) })
  const out: BenchResult[] = []
  try {
    const s = b.env.sqlite
    const count = (sql: string) => (s.prepare(sql).raw().get() as [number])[0]
    if (count('select count(*) from loan_files') === 0) {
      const t0 = performance.now()
      if (count('select count(*) from loans') === 0)
        log(`  archives demo: ${JSON.stringify(addLoansDemo(s, { seed: 1, asOf: NOW.slice(0, 10), now: NOW }))}`)
      const ids = Object.fromEntries(s.prepare('select username, id from users').raw().all() as [string, number][])
      log(
        `  archives demo: ${JSON.stringify(addFilesDemo(s, { seed: 1, asOf: NOW.slice(0, 10), now: NOW, orgCode: '3301', keeperId: ids.archivist!, approverId: ids.manager! }))} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
      s.pragma('optimize')
    }
    log(
      `  data: ${count('select count(*) from borrowers')} borrowers, ${count('select count(*) from loans')} loans, ${count('select count(*) from loan_file_items')} file items`,
    )
    const manager = await login(b, 'manager')
    const officer = await login(b, 'officer1')
    const qs = queries(b, 600)
    for (const q of qs.slice(0, 50)) await timed(b, manager, 'search.global', { q }) // warm-up
    for (const [who, token] of [
      ['manager', manager],
      ['officer', officer],
    ] as const) {
      const times: number[] = []
      for (const q of qs) times.push(await timed(b, token, 'search.global', { q }))
      out.push({ name: `search p95 (${who}, ${qs.length} mixed queries)`, value: pct(times, 95), unit: 'ms' })
      out.push({ name: `search p50 (${who})`, value: pct(times, 50), unit: 'ms' })
    }
    const villages = s.prepare('select distinct village from borrowers limit 20').raw().all() as [string][]
    const pages: [string, string, unknown][] = [
      ['borrower list first page (default)', manager, {}],
      ['borrower list first page (sort by name)', manager, { sort: 'name' }],
      ['borrower list first page (village + rating)', manager, { village: villages[3]?.[0], creditRating: 'A' }],
      ['borrower list first page (officer scope)', officer, {}],
    ]
    for (const [name, token, input] of pages) {
      const times: number[] = []
      for (let i = 0; i < 20; i++)
        times.push(await timed(b, token, 'borrowers.list', { limit: 50, ...(input as object) }))
      out.push({ name: `${name} p95`, value: pct(times, 95), unit: 'ms' })
    }
  } finally {
    await b.close()
  }
  out.push(...(await benchImport(dir, log, opts.importRows ?? 100_000)))
  return out
}
