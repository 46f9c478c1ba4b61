import { DEFAULT_NUMBER_PATTERNS } from '../../../shared/domain/numbering'
import type { Db } from '../db/types'
import type {} from '../db/schema-search'

/** A numbered document kind: 合同号 or 借据号. */
export type DocKind = 'contract' | 'iou'
const KEY: Record<DocKind, string> = { contract: 'numbering.contract', iou: 'numbering.iou' }

/** The stored pattern of a kind, or the default. */
export async function getPattern(db: Db, kind: DocKind): Promise<string> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', KEY[kind]).executeTakeFirst()
  return r?.value ?? DEFAULT_NUMBER_PATTERNS[kind]
}

/** Stores a pattern (insert or replace). */
export async function setPattern(db: Db, kind: DocKind, pattern: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY[kind], value: pattern })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: pattern }))
    .execute()
}

/** 机构号 of the organisation ('' before setup). */
export async function orgCode(db: Db): Promise<string> {
  return (await db.selectFrom('org').select('branch_code').executeTakeFirst())?.branch_code ?? ''
}

/** The last serial used for a kind in a year (0 when none). */
export async function lastSerial(db: Db, kind: DocKind, year: number): Promise<number> {
  return (
    (
      await db
        .selectFrom('number_sequences')
        .select('last')
        .where('kind', '=', kind)
        .where('year', '=', year)
        .executeTakeFirst()
    )?.last ?? 0
  )
}

/**
 * Records that `seq` is used, raising the year's last serial (never lowering it). Runs in the
 * caller's write transaction, so two concurrent creations are serialised by SQLite.
 */
export async function claimSerial(db: Db, kind: DocKind, year: number, seq: number): Promise<void> {
  await db
    .insertInto('number_sequences')
    .values({ kind, year, last: seq })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'year'])
        .doUpdateSet((eb) => ({ last: eb.fn('max', [eb.ref('number_sequences.last'), eb.val(seq)]) })),
    )
    .execute()
}
