import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

function worker(dir: string, ids: number[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../helpers/register-worker.ts'), dir, 'archivist', 'Passw0rd!', ids.join(',')],
    { cwd: join(__dirname, '../..') },
  ) as ChildProcessWithoutNullStreams
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => process.stderr.write(c))
  const ready = new Promise<void>((ok, fail) => {
    const t = setInterval(() => {
      if (out.includes('ready')) {
        clearInterval(t)
        ok()
      }
    }, 10)
    child.on('exit', () => {
      clearInterval(t)
      fail(new Error(`worker exited before ready: ${out}`))
    })
  })
  const done = new Promise<{ numbers: string[]; errors: string[] }>((ok, fail) => {
    child.on('exit', () => {
      const line = out.trim().split('\n').pop() ?? ''
      try {
        ok(JSON.parse(line))
      } catch {
        fail(new Error(`worker output: ${out}`))
      }
    })
  })
  return { child, ready, done }
}

describe('file numbering under two concurrent writers (two processes, one database)', () => {
  it('numbers are gap-free and unique when two backends register files at the same time', async () => {
    const loans: number[] = []
    for (let i = 0; i < 40; i++) {
      const b = await w.borrower(`并发${i}`)
      loans.push((await w.loan(b.id)).id)
    }
    // Both processes start, log in and register at the same time (writes use BEGIN IMMEDIATE).
    const a = worker(
      w.t.dir,
      loans.filter((_, i) => i % 2 === 0),
    )
    const b = worker(
      w.t.dir,
      loans.filter((_, i) => i % 2 === 1),
    )
    await Promise.all([a.ready, b.ready])
    a.child.stdin.write('go\n')
    b.child.stdin.write('go\n')
    const [ra, rb] = await Promise.all([a.done, b.done])
    expect([...ra.errors, ...rb.errors]).toEqual([])
    const all = [...ra.numbers, ...rb.numbers].sort()
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => `3301-2026-DK-${String(i + 1).padStart(6, '0')}`))
    expect(ra.numbers).toHaveLength(20)
    expect(rb.numbers).toHaveLength(20)
    const listed = await w.t.call('archives.list', { limit: 100 }, w.tokens.archivist)
    expect(listed.total).toBe(40)
  }, 60_000)
})
