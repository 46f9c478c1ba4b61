import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'
import { numberingWorker } from '../helpers/numbering'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

describe('file numbering under two concurrent writers (two processes, one database)', () => {
  it('numbers are gap-free and unique when two backends register files at the same time', async () => {
    const loans: number[] = []
    for (let i = 0; i < 40; i++) {
      const b = await w.borrower(`并发${i}`)
      loans.push((await w.loan(b.id)).id)
    }
    // Both processes start, log in and register at the same time (writes use BEGIN IMMEDIATE).
    const a = numberingWorker(
      w.t.dir,
      'archivist',
      'files',
      loans.filter((_, i) => i % 2 === 0),
    )
    const b = numberingWorker(
      w.t.dir,
      'archivist',
      'files',
      loans.filter((_, i) => i % 2 === 1),
    )
    await Promise.all([a.ready, b.ready])
    a.go()
    b.go()
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
