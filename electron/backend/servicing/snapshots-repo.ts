// Portfolio snapshots (月末组合快照) and replay checkpoints written from the portfolio scan.
import type { SnapshotView } from '../../../shared/api/servicing'
import { type Conn, stmt } from './servicing-repo'
import { rawOf } from '../db/raw'

/** Inserts an empty snapshot head (totals set after its rows); returns its id. */
export function insertSnapshot(db: Conn, asOf: string, createdBy: number, createdAt: string): number {
  const r = stmt(
    db,
    `insert into portfolio_snapshots (as_of, loans, outstanding_principal, overdue_principal, created_by, created_at)
    values (?, 0, 0, 0, ?, ?)`,
  ).run(asOf, createdBy, createdAt)
  return Number(r.lastInsertRowid)
}

/** Writes the snapshot's per-loan rows: [snapshot, loan, dpd, bucket, min category, outstanding, overdue P, overdue I, penalty, compound, payoff]. */
export function insertSnapshotRows(db: Conn, rows: readonly (number | string)[][]): void {
  const ins = stmt(
    db,
    `insert into portfolio_snapshot_rows (snapshot_id, loan_id, dpd, bucket, min_category, outstanding_principal,
      overdue_principal, overdue_interest, penalty_interest, compound_interest, payoff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const r of rows) ins.run(...r)
}

/** Sets a snapshot's totals. */
export function setSnapshotTotals(
  db: Conn,
  id: number,
  t: { loans: number; outstandingPrincipal: number; overduePrincipal: number },
): void {
  stmt(
    db,
    'update portfolio_snapshots set loans = ?, outstanding_principal = ?, overdue_principal = ? where id = ?',
  ).run(t.loans, t.outstandingPrincipal, t.overduePrincipal, id)
}

/** The latest 200 snapshots, newest date first. */
export function listSnapshots(db: Conn): SnapshotView[] {
  const rs = stmt(
    db,
    'select id, as_of, loans, outstanding_principal, overdue_principal, created_at from portfolio_snapshots order by as_of desc, id desc limit 200',
  )
    .raw()
    .all() as unknown[][]
  return rs.map((r) => ({
    id: r[0] as number,
    asOf: r[1] as string,
    loans: r[2] as number,
    outstandingPrincipal: r[3] as number,
    overduePrincipal: r[4] as number,
    createdAt: r[5] as string,
  }))
}

/**
 * Stores replay checkpoints [loan, version, as of, rows settled] in one transaction (a savepoint
 * inside the dispatcher's), only where the version is still the loan's latest active one.
 */
export function saveCheckpoints(db: Conn, found: readonly [number, number, string, number][]): void {
  const up = stmt(
    db,
    `insert into replay_checkpoints (loan_id, version_id, as_of, rows_settled)
    select @loan, @version, @asOf, @settled where not exists (select 1 from loan_plan_versions where loan_id = @loan and status = 'active' and id > @version)
    on conflict (loan_id) do update set version_id = excluded.version_id, as_of = excluded.as_of, rows_settled = excluded.rows_settled`,
  )
  rawOf(db).transaction(() => {
    for (const [loan, version, at, settled] of found) up.run({ loan, version, asOf: at, settled })
  })()
}
