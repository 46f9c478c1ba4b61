import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/** scrypt cost parameters; stored in each hash so they can be raised later. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): ~128 MiB and a few hundred ms per hash. */
export const DEFAULT_PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
/** Longest password accepted anywhere (a longer one would only cost hashing time). */
export const MAX_PASSWORD_LENGTH = 128

const KEYLEN = 32
const SALT_BYTES = 16
// Bounds for parameters read back from a stored hash: a tampered `scrypt$2^40$…` must not hang
// the app or allocate gigabytes; below 2^10 is not a real hash of ours either.
const MIN_LOG_N = 10
const MAX_LOG_N = 20
const MAX_R = 16
const MAX_P = 4

function maxmem(c: ScryptCost): number {
  return 128 * c.N * c.r * c.p + 16 * 1024 * 1024
}

function derive(password: string, salt: Buffer, length: number, c: ScryptCost): Buffer {
  return scryptSync(password.normalize('NFKC'), salt, length, { N: c.N, r: c.r, p: c.p, maxmem: maxmem(c) })
}

/** scrypt hash in the self-describing form `scrypt$N$r$p$salt$hash` (base64). */
export function hashPassword(password: string, cost: ScryptCost = DEFAULT_PASSWORD_COST): string {
  const salt = randomBytes(SALT_BYTES)
  const hash = derive(password, salt, KEYLEN, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

interface Parsed {
  cost: ScryptCost
  salt: Buffer
  hash: Buffer
}

/** Reads a stored hash, refusing parameters outside the bounds (null = unusable). */
export function parseHash(stored: string): Parsed | null {
  const [scheme, n, r, p, saltB64, hashB64, extra] = stored.split('$')
  if (scheme !== 'scrypt' || !saltB64 || !hashB64 || extra !== undefined) return null
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const logN = Math.log2(cost.N)
  if (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > MAX_LOG_N) return null
  if (
    !Number.isInteger(cost.r) ||
    cost.r < 1 ||
    cost.r > MAX_R ||
    !Number.isInteger(cost.p) ||
    cost.p < 1 ||
    cost.p > MAX_P
  )
    return null
  const salt = Buffer.from(saltB64, 'base64')
  const hash = Buffer.from(hashB64, 'base64')
  if (salt.length < 8 || hash.length !== KEYLEN) return null
  return { cost, salt, hash }
}

/** Constant-time check of a password against a stored hash; false for a malformed or out-of-bounds hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parseHash(stored)
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false
  return timingSafeEqual(derive(password, parsed.salt, KEYLEN, parsed.cost), parsed.hash)
}

/** True when the stored hash is weaker than `cost` (rehash it on the next successful login). */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parseHash(stored)
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
}

const dummies = new Map<string, string>()
/**
 * Spends the same time as checking a real password at `cost`, so an unknown username answers as
 * slowly as a wrong password (no user enumeration by timing).
 */
export function burnPasswordCheck(password: string, cost: ScryptCost): void {
  const key = `${cost.N}/${cost.r}/${cost.p}`
  let dummy = dummies.get(key)
  if (!dummy) {
    dummy = hashPassword(randomBytes(12).toString('base64'), cost)
    dummies.set(key, dummy)
  }
  verifyPassword(password, dummy)
}
