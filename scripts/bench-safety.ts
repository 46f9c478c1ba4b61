/**
 * Data-safety figures for `npm run bench`: an online backup of the bench database (time, size,
 * the longest a call waited meanwhile) and the crash test with many SIGKILLs
 * (`--kills N`, default 1000): kills survived and acknowledged repayments lost (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import { createBackup } from '../electron/backend/backup/service'
import { runCrashTest } from '../test/helpers/crash'
import type { BenchOptions, BenchResult } from './bench'

async function benchBackup(dir: string): Promise<BenchResult[]> {
  const b = await createBackend({ dataDir: dir })
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
    if (!entry.verified) throw new Error(`bench backup failed verification: ${entry.problem}`)
    return [
      { name: 'backup of the bench database (write + verify)', value: ms, unit: 'ms' },
      { name: 'backup size', value: entry.sizeBytes / 1024 / 1024, unit: 'MiB' },
      { name: 'longest call wait during the backup', value: worst, unit: 'ms' },
    ]
  } finally {
    await b.close()
    rmSync(out, { recursive: true, force: true })
  }
}

export async function benchSafety(
  dir: string,
  log: (s: string) => void,
  { kills }: BenchOptions,
): Promise<BenchResult[]> {
  const results = await benchBackup(dir)
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
