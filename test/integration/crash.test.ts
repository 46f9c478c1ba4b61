// Issue 12, "Must show": the crash test, bounded for CI (≥ 50 SIGKILLs, ~60 s).
import { describe, expect, it } from 'vitest'
import { runCrashTest } from '../helpers/crash'

describe('crash test: SIGKILL at random moments while posting repayments', () => {
  it('loses no acknowledged repayment and never damages the file over 50 kills', async () => {
    const r = await runCrashTest(50)
    expect(r.childFailures).toEqual([])
    expect(r.kills).toBe(50)
    expect(r.integrityFailures).toBe(0)
    expect(r.acknowledged).toBeGreaterThan(50) // the kills did land while posting
    expect(r.lost).toEqual([])
  }, 400_000) // ~60 s on an idle 2-core machine; far longer when the CI box is shared
})
