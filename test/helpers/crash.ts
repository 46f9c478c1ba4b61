import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { build } from 'esbuild'
import { loginAs, makeBackend, setupAdmin, TEST_PASSWORD_COST } from './backend'
import { insertLoan, userId } from './loans'

const root = resolve(__dirname, '../..')

export interface CrashReport {
  kills: number
  acknowledged: number
  lost: string[]
  integrityFailures: number
  childFailures: string[]
  ms: number
}

// Loaded by the backend's modules but never used by posting a repayment: the worker gets stubs
// (most of a child's start-up was loading them: exceljs ~2 s, pdfkit ~1 s, pinyin-pro ~0.6 s on a
// busy 2-core machine). A stub throws when used, so a child that needs one fails loudly.
const UNUSED_IN_WORKER = /^(exceljs|pdfkit|pinyin-pro)$/
const STUB = `const fail = () => { throw new Error('module not loaded in the crash worker') }
module.exports = new Proxy(fail, { get: (_t, k) => (k === '__esModule' ? false : fail), apply: fail, construct: fail })`
// The SQLite driver (a native addon, which a V8 startup snapshot cannot hold) is required on first use.
const DRIVER = /^better-sqlite3-multiple-ciphers$/
const LAZY_DRIVER = `let real
const load = () => (real ??= globalThis.__daihouRequire('better-sqlite3-multiple-ciphers'))
module.exports = new Proxy(function () {}, {
  construct: (_t, a) => new (load())(...a),
  apply: (_t, self, a) => load().apply(self, a),
  get: (_t, k) => (k === '__esModule' ? false : load()[k]),
})`

/**
 * Bundles the worker once and, when this Node can, bakes it into a startup snapshot; returns the
 * arguments that start a child (`--snapshot-blob <blob>` or the bundle itself).
 */
async function buildWorker(): Promise<string[]> {
  const outDir = join(root, '.bench')
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'crash-worker.cjs')
  await build({
    entryPoints: [join(__dirname, 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // Bundled whole (kysely alone is ~250 files to resolve and read per life); a snapshot needs one file.
    external: ['electron'],
    define: { CRASH_ROOT: JSON.stringify(root) },
    minify: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'stub-unused',
        setup(b) {
          b.onResolve({ filter: UNUSED_IN_WORKER }, (a) => ({ path: a.path, namespace: 'stub' }))
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: STUB, loader: 'js' }))
          b.onResolve({ filter: DRIVER }, (a) => ({ path: a.path, namespace: 'lazy' }))
          b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: LAZY_DRIVER, loader: 'js' }))
        },
      },
    ],
  })
  const blob = join(outDir, 'crash-worker.blob')
  rmSync(blob, { force: true })
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', outfile], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  return made.status === 0 && existsSync(blob) ? ['--snapshot-blob', blob] : [outfile]
}

/** Children started ahead of their turn (a life's start-up is mostly waiting for CPU on a shared machine). */
const AHEAD = 2

interface Life {
  /** Resolves when the child has loaded its code and waits for `go`. */
  loaded: Promise<void>
  /** Lets it open the data folder and post; resolves with what it acknowledged once it is dead. */
  go: (rand: () => number) => Promise<{ acks: string[]; failure: string | null }>
  /** Ends a life that never got its turn. */
  stop: () => void
}

/**
 * One child life, started ahead of its turn: spawn and load (overlapping the previous life),
 * then on `go` open the folder, post, and die by SIGKILL at a random moment.
 */
function startLife(worker: string[], args: string[]): Life {
  const child = spawn(process.execPath, [...worker, ...args, '--wait-go'], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let onLoaded: () => void = () => {}
  let onOutput: () => void = () => {}
  const loaded = new Promise<void>((ok) => (onLoaded = ok))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  )
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString()
    if (out.includes('loaded')) onLoaded()
    onOutput()
  })
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  child.stdin.on('error', () => undefined) // a child that died early: its failure is reported from its exit
  void exited.then(() => onLoaded()) // a child that died early is not waited for
  return {
    loaded,
    stop: () => child.exitCode === null && child.kill('SIGKILL'),
    async go(rand) {
      let timer: NodeJS.Timeout | undefined
      const arm = (ms: number) => {
        if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), ms)
      }
      // Mostly while posting: a few milliseconds after the n-th acknowledgement (n = 0–5), i.e. inside
      // the next repayment's transaction or its commit (one takes ~10–20 ms idle, far more under load).
      // Counting acknowledgements, not milliseconds, keeps every life posting on a loaded machine.
      const after = Math.floor(rand() * 6)
      const delay = rand() * 25
      onOutput = () => {
        if (out.includes('ready') && (out.match(/^ack /gm)?.length ?? 0) >= after) arm(delay)
      }
      if (rand() < 0.15) arm(rand() * 300) // sometimes while opening / logging in
      onOutput()
      const guard = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.stdin.end('go\n')
      const { code, signal } = await exited
      clearTimeout(guard)
      if (timer) clearTimeout(timer)
      const acks = out
        .split('\n')
        .filter((l) => l.startsWith('ack '))
        .map((l) => l.slice(4).trim())
      return { acks, failure: signal === 'SIGKILL' ? null : `exit ${code}: ${err.trim().slice(0, 300)}` }
    },
  }
}

/**
 * The crash test (issue 12): a child posts repayments and logs each acknowledged one; it is
 * SIGKILLed at random moments `kills` times; after each kill the file is reopened, checked with
 * integrity_check, and every acknowledged repayment must be in it.
 */
export async function runCrashTest(
  kills: number,
  log: (s: string) => void = () => {},
  seed = 12,
): Promise<CrashReport> {
  const t0 = performance.now()
  let s = seed
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const t = await makeBackend()
  const admin = await setupAdmin(t)
  await loginAs(t, admin, 'officer', 'officer1')
  const ids = Array.from(
    { length: 10 },
    () => insertLoan(t, { officerId: userId(t, 'officer1'), principal: 50_000_000, termMonths: 24 }).loanId,
  )
  const officer = (await t.call('auth.login', { username: 'officer1', password: 'Passw0rd!' })).token
  for (const loanId of ids) await t.call('servicing.createPlan', { loanId }, officer)
  const dir = t.dir
  await t.backend.close()
  const worker = await buildWorker()
  const acked = new Set<string>()
  const report: CrashReport = { kills: 0, acknowledged: 0, lost: [], integrityFailures: 0, childFailures: [], ms: 0 }
  const args = [
    dir,
    'officer1',
    'Passw0rd!',
    ids.join(','),
    '2025-06-15',
    `--password-cost-log2=${Math.log2(TEST_PASSWORD_COST.N)}`,
  ]
  // Children waiting their turn, already loaded: their start-up overlaps the lives before them.
  const queue: Life[] = []
  let started = 0
  const refill = () => {
    while (queue.length < AHEAD && started < kills) {
      queue.push(startLife(worker, args))
      started++
    }
  }
  refill()
  try {
    for (let k = 0; k < kills; k++) {
      const life = queue.shift() as Life
      await life.loaded
      const running = life.go(rand)
      // The next children load meanwhile; they touch the folder only after this one is dead and checked.
      refill()
      const r = await running
      if (r.failure) report.childFailures.push(r.failure)
      else report.kills++
      r.acks.forEach((a) => acked.add(a))
      const db = new Database(join(dir, 'daihou.sqlite'), { fileMustExist: true })
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') report.integrityFailures++
        const have = new Set(db.prepare('select receipt_no from repayments').pluck().all() as string[])
        report.lost = [...acked].filter((a) => !have.has(a))
      } finally {
        db.close()
      }
      if ((k + 1) % 50 === 0)
        log(`  crash test: ${k + 1} kills, ${acked.size} acknowledged, ${report.lost.length} lost`)
    }
  } finally {
    queue.forEach((l) => l.stop())
    t.close().catch(() => undefined)
  }
  report.acknowledged = acked.size
  report.ms = performance.now() - t0
  return report
}
