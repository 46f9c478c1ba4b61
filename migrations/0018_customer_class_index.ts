import { type Kysely, sql } from 'kysely'

/**
 * The loan and borrower lists filter on the customer class (客户分类, issue 10): a rare class (B is a
 * few percent of borrowers) is found through this index instead of walking every loan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index borrowers_customer_class on borrowers(customer_class, id)`.execute(db)
}
