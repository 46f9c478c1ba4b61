// The recovery key (issue 12). The database key is the passphrase itself (see cipher.ts); beside
// the database, `daihou.key.json` holds the passphrase encrypted to the recovery key's public
// half (X25519 + HKDF-SHA256 + AES-256-GCM). So a passphrase change can re-wrap the new
// passphrase without knowing the recovery key, and the recovery key (printed once, never stored)
// unlocks by unwrapping the passphrase. The file holds no secret usable without the recovery key.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const KEY_FILE_NAME = 'daihou.key.json'
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex')
const INFO = Buffer.from('daihou recovery v1')
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

interface Wrapped {
  epk: string
  iv: string
  tag: string
  data: string
}

/** What `daihou.key.json` holds. */
export interface KeyFile {
  format: 1
  app: 'daihou'
  cipher: 'sqlcipher-v4'
  kdf: 'PBKDF2-HMAC-SHA512, 256000 iterations (SQLCipher v4)'
  createdAt: string
  recoveryPublicKey: string
  /** The passphrase wrapped to the recovery key; two entries only while a passphrase change runs. */
  wrapped: Wrapped[]
}

function base32(buf: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of buf) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31]
  return out
}

function unbase32(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[^A-Z2-7]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const c of clean) {
    value = (value << 5) | B32.indexOf(c)
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return out.length === 32 ? Buffer.from(out) : null
}

function privateFromRaw(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' })
}

function rawPrivate(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(-32)
}

function wrapKey(shared: Buffer, epk: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, epk, INFO, 32))
}

/** A new recovery key: 32 random bytes shown as 13 groups of 4 (base32), and its public half. */
export function newRecoveryKey(): { display: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519')
  const display = (base32(rawPrivate(privateKey)).match(/.{1,4}/g) ?? []).join('-')
  return { display, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') }
}

/** Encrypts the passphrase to the recovery key's public half. */
export function wrapPassphrase(passphrase: string, recoveryPublicKey: string): Wrapped {
  const pub = createPublicKey({ key: Buffer.from(recoveryPublicKey, 'base64'), format: 'der', type: 'spki' })
  const eph = generateKeyPairSync('x25519')
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' })
  const key = wrapKey(diffieHellman({ privateKey: eph.privateKey, publicKey: pub }), epk)
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([c.update(passphrase, 'utf8'), c.final()])
  const b64 = (b: Buffer) => b.toString('base64')
  return { epk: b64(epk), iv: b64(iv), tag: b64(c.getAuthTag()), data: b64(data) }
}

/** The passphrases the recovery key unwraps (newest first); empty when it is not this file's key. */
export function unwrapWithRecovery(kf: KeyFile, recoveryKey: string): string[] {
  const raw = unbase32(recoveryKey)
  if (!raw) return []
  let priv: KeyObject
  try {
    priv = privateFromRaw(raw)
  } catch {
    return []
  }
  const out: string[] = []
  for (const w of kf.wrapped) {
    try {
      const epk = Buffer.from(w.epk, 'base64')
      const pub = createPublicKey({ key: epk, format: 'der', type: 'spki' })
      const d = createDecipheriv(
        'aes-256-gcm',
        wrapKey(diffieHellman({ privateKey: priv, publicKey: pub }), epk),
        Buffer.from(w.iv, 'base64'),
      )
      d.setAuthTag(Buffer.from(w.tag, 'base64'))
      out.push(Buffer.concat([d.update(Buffer.from(w.data, 'base64')), d.final()]).toString('utf8'))
    } catch {
      // another recovery key: the tag does not match
    }
  }
  return out
}

/** A key file for a newly encrypted database. */
export function makeKeyFile(passphrase: string, recoveryPublicKey: string, now: Date): KeyFile {
  return {
    format: 1,
    app: 'daihou',
    cipher: 'sqlcipher-v4',
    kdf: 'PBKDF2-HMAC-SHA512, 256000 iterations (SQLCipher v4)',
    createdAt: now.toISOString(),
    recoveryPublicKey,
    wrapped: [wrapPassphrase(passphrase, recoveryPublicKey)],
  }
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE_NAME)
}

export function readKeyFile(dataDir: string): KeyFile | null {
  const p = keyFilePath(dataDir)
  if (!existsSync(p)) return null
  try {
    const kf = JSON.parse(readFileSync(p, 'utf8')) as KeyFile
    return kf.format === 1 && kf.app === 'daihou' && Array.isArray(kf.wrapped) ? kf : null
  } catch {
    return null
  }
}

/** Writes the key file atomically (temp file, fsync, rename): a power cut leaves the old or the new one. */
export function writeKeyFile(path: string, kf: KeyFile): void {
  const tmp = `${path}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    writeSync(fd, JSON.stringify(kf, null, 2))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}
