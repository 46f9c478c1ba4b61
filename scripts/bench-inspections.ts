/**
 * Inspections figures for `npm run bench`: the full schedule refresh, the due calendar's first
 * page p95 for one officer and for the whole county (target < 100 ms at 200k loans), and the
 * data of a 300-borrower route sheet and the sheet printed to PDF in Chromium through browser mode
 * (target: printed < 5 s). Standalone:
 * `npx tsx scripts/bench-inspections.ts --borrowers 20000` (generates/reuses .bench/…).
 */
import { existsSync, mkdirSync, cpSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { createBackend, SCHEMA_VERSION } from '../electron/backend'
import type { BenchResult } from './bench'
import { parseArgs } from './args'
import { chromiumPath, ensureBuilt, startWeb } from './bench-web'
import { DEMO_PASSWORD, generateDemo } from './demo/generate'
import { addServicingDemo } from './demo/servicing'

const AS_OF = '2026-11-01'
type Backend = Awaited<ReturnType<typeof createBackend>>

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] as number
}

async function call(
  b: Backend,
  token: string,
  method: string,
  input: unknown,
): Promise<{ ms: number; value: unknown }> {
  const t0 = performance.now()
  const r = await b.dispatch({ method, input, token })
  const ms = performance.now() - t0
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return { ms, value: r.value }
}

async function login(b: Backend, username: string): Promise<string> {
  return ((await call(b, '', 'auth.login', { username, password: DEMO_PASSWORD })).value as { token: string }).token
}

/** Runs the inspections figures on the bench database in `dir` (writes the due table once). */
export async function benchInspections(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const b = await createBackend({ dataDir: dir, now: () => new Date(`${AS_OF}T02:00:00.000Z`) })
  const out: BenchResult[] = []
  try {
    const count = (sql: string) => (b.env.sqlite.prepare(sql).raw().get() as [number])[0]
    if (count('select count(*) from loan_plan_versions') === 0)
      log(
        `  servicing demo for amounts due: ${JSON.stringify(addServicingDemo(b.env.sqlite, { seed: 1, asOf: AS_OF }))}`,
      )
    const manager = await login(b, 'manager')
    const officer = await login(b, 'officer1')
    const refresh = await call(b, manager, 'inspections.refresh', { asOf: AS_OF })
    log(`  inspection schedule: ${JSON.stringify(refresh.value)}`)
    out.push({ name: 'inspections: full schedule refresh', value: refresh.ms, unit: 'ms' })
    for (const [who, token] of [
      ['officer', officer],
      ['county', manager],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < 20; i++) {
        for (const bucket of ['overdue', 'week', 'next30'] as const)
          times.push((await call(b, token, 'inspections.calendar', { asOf: AS_OF, bucket, limit: 50 })).ms)
      }
      out.push({ name: `inspections: due calendar first page p95 (${who})`, value: pct(times, 95), unit: 'ms' })
      out.push({ name: `inspections: due calendar first page p50 (${who})`, value: pct(times, 50), unit: 'ms' })
    }
    const sheet = await call(b, manager, 'inspections.routeSheet', { asOf: AS_OF, days: 90, limit: 300 })
    log(`  route sheet rows: ${(sheet.value as { rows: unknown[] }).rows.length}`)
    out.push({ name: 'inspections: route sheet data, 300 borrowers', value: sheet.ms, unit: 'ms' })
  } finally {
    await b.close()
  }
  out.push(...(await benchRouteSheetPrint(dir, log)))
  return out
}

/**
 * The route sheet as a manager prints it: browser mode on the bench database, Chromium at 1366×768 with
 * its clock on the bench's day, 到期天数 90 (300 borrowers), then printed to PDF. Timed from the days change
 * to the PDF's last byte: shown = the 300 rows rendered, printed = the PDF written.
 */
async function benchRouteSheetPrint(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const executablePath = chromiumPath()
  if (!executablePath) {
    log('  route sheet print: skipped (no Chromium at /usr/bin/chromium; set CHROMIUM_PATH)')
    return []
  }
  ensureBuilt()
  const web = await startWeb(dir)
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    await page.clock.setFixedTime(new Date(`${AS_OF}T10:00:00+08:00`))
    await page.goto(web.url)
    await page.getByLabel('用户名').fill('manager')
    const password = page.getByRole('textbox', { name: '密码', exact: true })
    await password.fill(DEMO_PASSWORD)
    await password.press('Enter')
    // The first call of the day may refresh every loan's state first (not part of the figure).
    await page.getByTestId('user-name').waitFor({ timeout: 300_000 })
    await page.goto(`${web.url}#/inspections/route-sheet`)
    const rows = page.getByTestId('route-sheet').locator('tbody tr')
    await rows.first().waitFor({ timeout: 60_000 })
    const t0 = performance.now()
    await page.getByLabel('到期天数').fill('90')
    await rows.nth(299).waitFor({ timeout: 60_000 })
    const shown = performance.now() - t0
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    const printed = performance.now() - t0
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
    log(`  route sheet print: ${await rows.count()} rows, ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB`)
    return [
      { name: 'inspections: route sheet 300 borrowers shown', value: shown, unit: 'ms' },
      { name: 'inspections: route sheet 300 borrowers printed', value: printed, unit: 'ms' },
    ]
  } finally {
    await browser.close()
    await web.stop()
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { borrowers: '20000', seed: '1' })
  const dir = join(resolve(__dirname, '..'), '.bench', `seed-${args.seed}-b${args.borrowers}-v${SCHEMA_VERSION}`)
  if (!existsSync(join(dir, 'ready'))) {
    rmSync(dir, { recursive: true, force: true })
    console.log(`generating ${args.borrowers} borrowers in ${dir} …`)
    await generateDemo({ dataDir: dir, seed: Number(args.seed), borrowers: Number(args.borrowers) })
    mkdirSync(dir, { recursive: true })
    cpSync(join(dir, 'daihou.sqlite'), join(dir, 'ready'))
  }
  for (const r of await benchInspections(dir, console.log))
    console.log(`  ${r.name.padEnd(52)} ${r.value.toFixed(1).padStart(10)} ${r.unit}`)
}

if (require.main === module)
  main().catch((e: Error) => {
    console.error(`bench failed: ${e.message}`)
    process.exit(1)
  })
