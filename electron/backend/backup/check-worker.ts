import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** What a read-only look at a database file found (interpreted by the caller). */
export interface RawCheck {
  integrity: string
  appId: number
  /** Applied migration names, or null without a kysely_migration table. */
  applied: string[] | null
  counts: Record<string, number>
}

// Plain JS run in a worker thread so a full integrity_check of a county database (or the
// encrypted copy below) does not stop the event loop (posting goes on meanwhile). Same driver;
// an encrypted file (no plain SQLite header) gets the SQLCipher v4 settings and the key, as in
// db/cipher.ts.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const Database = require(workerData.driver)
const plain = (file) => {
  const fd = fs.openSync(file, 'r')
  try { const b = Buffer.alloc(16); return fs.readSync(fd, b, 0, 16, 0) === 16 && b.toString('latin1') === 'SQLite format 3\\0' } finally { fs.closeSync(fd) }
}
const open = (file, readonly) => {
  const db = new Database(file, { readonly, fileMustExist: true })
  if (workerData.key !== null && !plain(file)) {
    db.pragma("cipher = 'sqlcipher'")
    db.pragma('legacy = 4')
    db.pragma("key = '" + workerData.key.replaceAll("'", "''") + "'")
  }
  db.pragma('temp_store = MEMORY')
  return db
}
let db
try {
  if (workerData.op === 'vacuum') {
    // A consistent copy through this connection's own read snapshot (WAL), encrypted with the
    // source's key: the online backup API refuses encrypted databases.
    db = open(workerData.file, false)
    db.prepare('vacuum into ?').run(workerData.dest)
    parentPort.postMessage({ ok: true })
  } else {
    db = open(workerData.file, true)
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    const appId = db.pragma('application_id', { simple: true })
    const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all()
    const applied = names.includes('kysely_migration') ? db.prepare('select name from kysely_migration').pluck().all() : null
    const counts = {}
    if (integrity === 'ok') for (const n of names) counts[n] = db.prepare('select count(*) from "' + n.replaceAll('"', '""') + '"').pluck().get()
    parentPort.postMessage({ ok: { integrity, appId, applied, counts } })
  }
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e), code: e && e.code })
} finally {
  if (db) db.close()
}
`

let driverPath: string | null | undefined

function driver(): string | null {
  if (driverPath === undefined) {
    try {
      driverPath = createRequire(__filename).resolve('better-sqlite3-multiple-ciphers')
    } catch {
      driverPath = null
    }
  }
  return driverPath
}

function run<T>(workerData: Record<string, unknown>): Promise<T | null> {
  const path = driver()
  if (!path) return Promise.resolve(null)
  return new Promise((ok, fail) => {
    let worker: Worker
    try {
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { ...workerData, driver: path } })
    } catch {
      ok(null)
      return
    }
    worker.once('message', (m: { ok?: T; error?: string; code?: string }) => {
      if (m.ok) ok(m.ok)
      else fail(Object.assign(new Error(m.error ?? '?'), { code: m.code }))
    })
    worker.once('error', () => ok(null))
    worker.once('exit', () => ok(null)) // no-op when already settled
  })
}

/**
 * Runs the read-only check in a worker thread; resolves null when no worker can be started
 * (the caller then checks on the main thread). Rejects with the driver's error (e.g. SQLITE_NOTADB).
 */
export function checkInWorker(file: string, key: string | null = null): Promise<RawCheck | null> {
  return run<RawCheck>({ op: 'check', file, key })
}

/** `VACUUM INTO dest` from a second connection in a worker; resolves false when no worker could start. */
export async function vacuumInWorker(file: string, dest: string, key: string | null): Promise<boolean> {
  return (await run<true>({ op: 'vacuum', file, dest, key })) === true
}
