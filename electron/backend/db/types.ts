import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema'

/** A database handle or an open transaction; repositories take either. */
export type Db = Kysely<DB> | Transaction<DB>
