// Encryption at rest (issue 12): SQLCipher v4-compatible settings of better-sqlite3-multiple-ciphers.
// The database key is the administrator's passphrase; the cipher derives the page key from it with
// PBKDF2-HMAC-SHA512, 256,000 iterations and a per-file random salt (SQLCipher v4 defaults:
// AES-256-CBC pages with an HMAC-SHA512 each, 4096-byte pages). A file is opened with the key only
// when it does not carry the plain SQLite header, so plain files (old backups, a fresh database)
// keep opening as before and one code path serves both.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Reads the first 16 bytes without opening the file as a database. */
export function hasPlainHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return n === 16 && buf.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

/**
 * Whether the first page reads as ciphertext: an encrypted page is uniformly random (4096 bytes
 * show nearly all 256 byte values), while text, a plain SQLite page with a damaged header or
 * another program's file show far fewer. Lets an encrypted database whose key file was lost still
 * be unlocked with its passphrase instead of being refused as "not SQLite".
 */
export function firstPageLooksEncrypted(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(4096)
    const n = readSync(fd, buf, 0, buf.length, 0)
    return n === buf.length && new Set(buf).size >= 240
  } finally {
    closeSync(fd)
  }
}

/** A non-empty file without the plain SQLite header: encrypted (or not a database at all). */
export function looksEncrypted(file: string): boolean {
  return existsSync(file) && statSync(file).isFile() && statSync(file).size > 0 && !hasPlainHeader(file)
}

/** `'it''s'`: a passphrase as an SQL string literal. */
function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`
}

/** Sets the SQLCipher v4 scheme and the key on a fresh connection (before its first read). */
export function applyKey(db: Database.Database, key: string): void {
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma(`key = ${literal(key)}`)
}

/**
 * Opens a database file, with `key` when the file is encrypted. Temp tables and sort spills stay
 * in memory: the cipher does not encrypt temp files. A wrong key fails on the first read with
 * SQLITE_NOTADB.
 */
export function openSqlite(file: string, key: string | null, options?: Database.Options): Database.Database {
  const encrypted = key !== null && looksEncrypted(file)
  const db = new Database(file, options)
  try {
    if (encrypted) applyKey(db, key)
    db.pragma('temp_store = MEMORY')
  } catch (e) {
    db.close()
    throw e
  }
  return db
}

/**
 * Changes the key of an open database, or encrypts a plain one. Rekeying in WAL mode is not
 * supported by the cipher and has corrupted files: checkpoint everything into the main file,
 * switch to a rollback journal, rekey, switch back.
 */
export function rekey(db: Database.Database, key: string): void {
  const wal = String(db.pragma('journal_mode', { simple: true })) === 'wal'
  if (wal) {
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.pragma('journal_mode = DELETE')
  }
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma(`rekey = ${literal(key)}`)
  if (wal) db.pragma('journal_mode = WAL')
}
