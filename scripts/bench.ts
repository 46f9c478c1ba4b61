/**
 * `npm run bench [-- --borrowers N --seed S --json]`: benchmarks on a generated database
 * (county size by default), generated once per seed and size under .bench/ and reused.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createBackend, SCHEMA_VERSION } from '../electron/backend'
import { parseArgs } from './args'
import { ensureBuilt, startWeb } from './bench-web'
import { generateDemo } from './demo/generate'

export interface BenchResult {
  name: string
  value: number
  unit: 'ms' | 'ops/s' | 'ratio' | 'MiB'
}

const root = resolve(__dirname, '..')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

async function ensureDatabase(seed: number, borrowers: number, log: (s: string) => void): Promise<string> {
  // Keyed by schema version too: a newer schema usually means the generator writes more tables.
  const dir = join(root, '.bench', `seed-${seed}-b${borrowers}-v${SCHEMA_VERSION}`)
  if (existsSync(join(dir, 'ready'))) return dir
  rmSync(dir, { recursive: true, force: true })
  log(`generating ${borrowers} borrowers (seed ${seed}) in ${dir} …`)
  await generateDemo({ dataDir: dir, seed, borrowers })
  mkdirSync(dir, { recursive: true })
  cpSync(join(dir, 'daihou.sqlite'), join(dir, 'ready')) // marker; also a pristine copy
  return dir
}

async function benchOpen(dir: string): Promise<BenchResult> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    const b = await createBackend({ dataDir: dir })
    await b.dispatch({ method: 'system.health', input: {} })
    times.push(performance.now() - t0)
    await b.close()
  }
  return { name: 'open county database + migrations', value: median(times), unit: 'ms' }
}

async function firstAnswer(dir: string): Promise<number> {
  const t0 = performance.now()
  const web = await startWeb(dir)
  try {
    for (;;) {
      const res = await fetch(`${web.url}api/health`).catch(() => null)
      if (res?.ok) return performance.now() - t0
      await new Promise((r) => setTimeout(r, 5))
    }
  } finally {
    await web.stop()
  }
}

async function benchFirstAnswer(dir: string): Promise<BenchResult> {
  ensureBuilt()
  const times: number[] = []
  for (let i = 0; i < 3; i++) times.push(await firstAnswer(dir))
  return { name: 'browser mode: spawn to first API answer', value: median(times), unit: 'ms' }
}

/** Options every area bench may read (from the command line). */
export interface BenchOptions {
  /** Crash-test kills for the safety bench. */
  kills: number
}

/** Each area's bench module and its entry function `(dir, log, opts) => BenchResult[]`, run in this order. */
const AREA_BENCHES: readonly [string, string][] = [
  ['bench-archives.ts', 'benchArchives'],
  ['bench-servicing.ts', 'benchServicing'],
  ['bench-reports.ts', 'benchReports'],
  ['bench-risk.ts', 'benchRisk'],
  ['bench-notices.ts', 'benchNotices'],
  ['bench-inspections.ts', 'benchInspections'],
  ['bench-loanlist.ts', 'benchLoanList'],
  ['bench-safety.ts', 'benchSafety'],
]

type AreaBench = (dir: string, log: (s: string) => void, opts: BenchOptions) => Promise<BenchResult[]>

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { borrowers: '200000', seed: '1', kills: '1000', only: '' })
  const json = args.flags.has('json')
  // `--only risk,reports` runs those area benches (file name without bench-/.ts); the common figures (open,
  // first answer, domain) run without --only or with `common` in the list.
  const only = args.only ? new Set(args.only.split(',')) : null
  const log = (s: string) => (json ? process.stderr.write(`${s}\n`) : console.log(s))
  const emit = (r: BenchResult) => {
    if (json) console.log(JSON.stringify(r))
    else
      log(
        `  ${r.name.padEnd(48)} ${r.value.toFixed(r.unit === 'ratio' ? 2 : r.unit === 'ms' || r.unit === 'MiB' ? 1 : 0).padStart(12)} ${r.unit}`,
      )
  }
  const dir = await ensureDatabase(Number(args.seed), Number(args.borrowers), log)
  log(`database: ${dir}`)
  if (!only || only.has('common')) {
    emit(await benchOpen(dir))
    emit(await benchFirstAnswer(dir))
    const { benchDomain } = await import('./bench-domain')
    for (const r of benchDomain()) emit(r)
  }
  const opts: BenchOptions = { kills: Number(args.kills) }
  for (const [file, fn] of AREA_BENCHES) {
    if (only && !only.has(file.slice('bench-'.length, -'.ts'.length))) continue
    const mod = (await import(join(__dirname, file))) as Record<string, AreaBench>
    for (const r of await mod[fn]!(dir, log, opts)) emit(r)
  }
}

main().catch((e: Error) => {
  console.error(`bench failed: ${e.message}`)
  process.exit(1)
})
