// Issue 12 (open safely) without a whole-file read on every start: the quick integrity check is skipped
// only for a file this program closed cleanly and nobody touched since (db/clean-close.ts).
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from '../../electron/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { makeWorld } from '../helpers/archives'
import { makeBackend, tempDir } from '../helpers/backend'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A migrated database with a few borrowers, closed cleanly. */
async function closedDatabase(): Promise<string> {
  const tmp = tempDir()
  cleanups.push(tmp.cleanup)
  const t = await makeBackend({ dir: tmp.dir })
  const w = await makeWorld(t)
  for (let i = 0; i < 5; i++) await w.borrower(`封存${i}`)
  await t.close()
  return tmp.dir
}

async function checkedOnOpen(dir: string): Promise<boolean> {
  const opened = await openDatabase(dir)
  await opened.close()
  return opened.checked
}

describe('quick integrity check at open', () => {
  it('is skipped after a clean close, and the seal is renewed by every clean close', async () => {
    const dir = await closedDatabase()
    const file = join(dir, 'daihou.sqlite')
    expect(existsSync(`${file}.clean`)).toBe(true)
    expect(await checkedOnOpen(dir)).toBe(false)
    expect(await checkedOnOpen(dir)).toBe(false)
  })

  it('runs after a crash: the seal is taken at open, so a process that never closed leaves none', async () => {
    const dir = await closedDatabase()
    const opened = await openDatabase(dir)
    expect(opened.checked).toBe(false)
    expect(existsSync(join(dir, 'daihou.sqlite.clean'))).toBe(false)
    opened.sqlite.close() // the handle goes away without the app's close (as after kill -9, minus the WAL)
    expect(await checkedOnOpen(dir)).toBe(true)
  })

  it('runs when the file was changed while closed (touched, or bytes rewritten) and still refuses damage', async () => {
    const dir = await closedDatabase()
    const file = join(dir, 'daihou.sqlite')
    const later = new Date(Date.now() + 60_000)
    utimesSync(file, later, later)
    expect(await checkedOnOpen(dir)).toBe(true)

    // Closed cleanly again (sealed), then the schema pages are overwritten behind the app's back.
    expect(existsSync(`${file}.clean`)).toBe(true)
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 100, 4096 * 2)
    writeFileSync(file, bytes)
    const err = (await openDatabase(dir).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect(err.reason).toBe('corrupt')
  })
})
