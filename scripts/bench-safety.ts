/**
 * Data-safety figures for `npm run bench`: backup time of the bench database, plain and encrypted
 * (size, the longest a call waited meanwhile); the encryption overhead on the county evaluation
 * and the loan-list queries (the same calls on a plain and an encrypted copy, interleaved; goal
 * ≤ 15 %); and the crash test with many SIGKILLs (`--kills N`, default 1000): kills survived and
 * acknowledged repayments lost (must be 0).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import { createBackup } from '../electron/backend/backup/service'
import { openSqlite, rekey } from '../electron/backend/db/cipher'
import { computeRun } from '../electron/backend/risk/run'
import { DEFAULT_ALLOCATION_ORDER } from '../shared/domain'
import { runCrashTest } from '../test/helpers/crash'
import type { BenchOptions, BenchResult } from './bench'
import { DEMO_PASSWORD } from './demo/generate'

const AS_OF = '2026-11-01'
const KEY = 'bench passphrase 2026'
type Backend = Awaited<ReturnType<typeof createBackend>>

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

async function benchBackup(b: Backend, label: string): Promise<BenchResult[]> {
  const out = mkdtempSync(join(tmpdir(), 'daihou-bench-backup-'))
  try {
    let worst = 0
    let running = true
    const probe = (async () => {
      // A call arriving at a random moment waits for the event loop (timer lag) and then for its answer.
      while (running) {
        const due = performance.now() + 10
        await new Promise((r) => setTimeout(r, 10))
        const t0 = performance.now()
        await b.dispatch({ method: 'system.health', input: {} })
        worst = Math.max(worst, t0 - due + (performance.now() - t0))
      }
    })()
    const t0 = performance.now()
    const entry = await createBackup(b.env, 'manual', out)
    const ms = performance.now() - t0
    running = false
    await probe
    if (!entry.verified) throw new Error(`bench backup (${label}) failed verification: ${entry.problem}`)
    return [
      { name: `backup of the bench database, ${label} (write + verify)`, value: ms, unit: 'ms' },
      { name: `backup size, ${label}`, value: entry.sizeBytes / 1024 / 1024, unit: 'MiB' },
      { name: `longest call wait during the backup, ${label}`, value: worst, unit: 'ms' },
    ]
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/**
 * A plain and an encrypted copy of the bench database, made once from the same checkpointed file
 * (`<bench dir>-safety/{plain,encrypted}`, next to the database they come from) and reused by later
 * runs: encrypting the county file (1.7 GB) takes minutes. Both are copies, so the other benches'
 * writes to the bench database never make the two differ.
 */
function copies(dir: string, log: (s: string) => void): { plain: string; encrypted: string } {
  const base = `${dir.replace(/\/+$/, '')}-safety`
  const plain = join(base, 'plain')
  const encrypted = join(base, 'encrypted')
  const done = join(base, 'complete')
  if (existsSync(done)) return { plain, encrypted }
  rmSync(base, { recursive: true, force: true })
  mkdirSync(plain, { recursive: true })
  mkdirSync(encrypted, { recursive: true })
  const t0 = performance.now()
  const src = openSqlite(join(dir, 'daihou.sqlite'), null)
  src.pragma('wal_checkpoint(TRUNCATE)')
  src.close()
  for (const d of [plain, encrypted]) {
    copyFileSync(join(dir, 'daihou.sqlite'), join(d, 'daihou.sqlite'))
    // The audit chain's anchor travels with its database (the backend checks the head against it).
    if (existsSync(join(dir, 'audit-anchor.json')))
      copyFileSync(join(dir, 'audit-anchor.json'), join(d, 'audit-anchor.json'))
  }
  const db = openSqlite(join(encrypted, 'daihou.sqlite'), null)
  try {
    rekey(db, KEY)
  } finally {
    db.close()
  }
  writeFileSync(done, `${new Date().toISOString()}\n`)
  log(
    `  encryption: made the plain and encrypted copies in ${((performance.now() - t0) / 1000).toFixed(0)} s (${base})`,
  )
  return { plain, encrypted }
}

/** The timed calls: the county evaluation (every active loan + every rule) and loan-list first pages. */
async function workload(b: Backend, token: string): Promise<{ evaluation: number; list: number }> {
  const t0 = performance.now()
  await computeRun(b.env.db, b.env.sqlite, AS_OF, DEFAULT_ALLOCATION_ORDER)
  const evaluation = performance.now() - t0
  const filters: Record<string, unknown>[] = [
    {},
    { status: 'overdue' },
    { bucket: 'M3+' },
    { category: 'normal' },
    { sort: 'balance' },
    { q: 'wf' },
    { maturityFrom: '2027-01-01', maturityTo: '2027-03-31' },
  ]
  const t1 = performance.now()
  for (const f of filters) {
    const r = await b.dispatch({ method: 'servicing.loanList', input: { limit: 100, ...f }, token })
    if (!r.ok) throw new Error(`servicing.loanList: ${r.error.message}`)
  }
  return { evaluation, list: performance.now() - t1 }
}

async function benchEncryption(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const c = copies(dir, log)
  const now = () => new Date(`${AS_OF}T02:00:00.000Z`)
  const plain = await createBackend({ dataDir: c.plain, now })
  const enc = await createBackend({ dataDir: c.encrypted, now, key: KEY })
  try {
    const login = async (b: Backend) => {
      const r = await b.dispatch({ method: 'auth.login', input: { username: 'manager', password: DEMO_PASSWORD } })
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { token: string }).token
    }
    const tp = await login(plain)
    const te = await login(enc)
    await workload(plain, tp) // warm-up: the day's loan-state refresh, caches
    await workload(enc, te)
    const p: { evaluation: number; list: number }[] = []
    const e: { evaluation: number; list: number }[] = []
    for (let i = 0; i < 5; i++) {
      p.push(await workload(plain, tp)) // interleaved: machine load hits both alike
      e.push(await workload(enc, te))
    }
    const pe = median(p.map((x) => x.evaluation)),
      ee = median(e.map((x) => x.evaluation))
    const pl = median(p.map((x) => x.list)),
      el = median(e.map((x) => x.list))
    log(
      `  encryption: evaluation ${pe.toFixed(0)} → ${ee.toFixed(0)} ms, list (7 first pages) ${pl.toFixed(0)} → ${el.toFixed(0)} ms`,
    )
    const results: BenchResult[] = [
      { name: 'county evaluation, plain', value: pe, unit: 'ms' },
      { name: 'county evaluation, encrypted', value: ee, unit: 'ms' },
      { name: 'encryption overhead: evaluation (goal ≤ 0.15)', value: ee / pe - 1, unit: 'ratio' },
      { name: 'loan list, 7 first pages, plain', value: pl, unit: 'ms' },
      { name: 'loan list, 7 first pages, encrypted', value: el, unit: 'ms' },
      { name: 'encryption overhead: list (goal ≤ 0.15)', value: el / pl - 1, unit: 'ratio' },
    ]
    results.push(...(await benchBackup(plain, 'plain')), ...(await benchBackup(enc, 'encrypted')))
    return results
  } finally {
    await plain.close()
    await enc.close()
  }
}

export async function benchSafety(
  dir: string,
  log: (s: string) => void,
  { kills }: BenchOptions,
): Promise<BenchResult[]> {
  const results = await benchEncryption(dir, log)
  if (kills <= 0) return results // `--kills 0`: the county figures alone
  log(`  crash test: ${kills} SIGKILLs while posting repayments …`)
  const r = await runCrashTest(kills, log)
  if (r.childFailures.length)
    log(`  crash test: ${r.childFailures.length} child runs failed, first: ${r.childFailures[0]}`)
  results.push(
    { name: `crash test: kills survived (of ${kills})`, value: r.integrityFailures === 0 ? r.kills : 0, unit: 'ops/s' },
    { name: 'crash test: acknowledged repayments', value: r.acknowledged, unit: 'ops/s' },
    { name: 'crash test: acknowledged repayments lost', value: r.lost.length, unit: 'ops/s' },
    { name: 'crash test: wall time', value: r.ms, unit: 'ms' },
  )
  return results
}
