// Contact log (联系记录): reminders sent, calls and visits per loan, newest first.
import type { ContactView } from '../../../shared/api/servicing'
import { type Conn, stmt } from './servicing-repo'

/** A contact to record. */
export interface NewContact {
  loanId: number
  dueDate: string | null
  contactDate: string
  channel: string
  outcome: string
  note: string | null
  createdBy: number
  createdAt: string
}

/** Inserts a contact and returns its id. */
export function insertContact(db: Conn, c: NewContact): number {
  const info = stmt(
    db,
    `insert into contact_log (loan_id, due_date, contact_date, channel, outcome, note, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.loanId, c.dueDate, c.contactDate, c.channel, c.outcome, c.note, c.createdBy, c.createdAt)
  return Number(info.lastInsertRowid)
}

/** Every contact of a loan, newest first, with the name of who recorded it. */
export function listContacts(db: Conn, loanId: number): ContactView[] {
  const rs = stmt(
    db,
    `select c.id, c.loan_id, c.due_date, c.contact_date, c.channel, c.outcome, c.note, u.display_name, c.created_at
    from contact_log c left join users u on u.id = c.created_by where c.loan_id = ? order by c.id desc`,
  )
    .raw()
    .all(loanId) as unknown[][]
  return rs.map((r) => ({
    id: r[0] as number,
    loanId: r[1] as number,
    dueDate: r[2] as string | null,
    contactDate: r[3] as string,
    channel: r[4] as string,
    outcome: r[5] as string,
    note: r[6] as string | null,
    createdBy: r[7] as string | null,
    createdAt: r[8] as string,
  }))
}
