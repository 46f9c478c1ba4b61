/** Why a database could not be opened at start-up. */
export type OpenFailure =
  | 'not_sqlite'
  | 'foreign'
  | 'newer_schema'
  | 'corrupt'
  | 'missing'
  | 'migration_failed'
  | 'read_only'
  | 'disk_full'
  | 'is_directory'
  | 'no_permission'
  | 'locked'
  /** Encrypted and no passphrase given yet: the app starts locked (unlock screen). */
  | 'encrypted'
  | 'wrong_key'

/** A backup offered when the database is damaged or missing. */
export interface OfferedBackup {
  id: string
  createdAt: string
}

/** Why a database file was refused; the file is left untouched. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string,
    /** The latest verified backup, when restoring it would help (damaged or missing file). */
    readonly offer: OfferedBackup | null = null,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}
