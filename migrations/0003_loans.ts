import { type Kysely, sql } from 'kysely'

/** Loans: the basic record every later area (archives, servicing, risk) hangs off. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('loans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('borrower_id', 'integer', (c) => c.notNull().references('borrowers.id'))
    .addColumn('contract_no', 'text', (c) => c.notNull().unique()) // 合同号
    .addColumn('iou_no', 'text', (c) => c.notNull().unique()) // 借据号
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('principal', 'integer', (c) => c.notNull().check(sql`principal > 0`)) // 分
    .addColumn('annual_rate', 'text', (c) => c.notNull()) // annual percent, decimal string
    .addColumn('term_months', 'integer', (c) => c.notNull().check(sql`term_months between 1 and 360`))
    .addColumn('method', 'text', (c) =>
      c
        .notNull()
        .check(sql`method in ('annuity','equal_principal','quarterly_interest','monthly_interest','bullet','custom')`),
    )
    .addColumn('due_day', 'integer')
    .addColumn('disbursement_date', 'text', (c) => c.notNull())
    .addColumn('maturity_date', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn(
      'guarantee_type',
      'text',
      (c) => c.notNull().check(sql`guarantee_type in ('credit','guarantee','mortgage','pledge')`), // 信用/保证/抵押/质押
    )
    .addColumn('officer_id', 'integer', (c) => c.notNull().references('users.id')) // 主责任人
    .addColumn('penalty_markup', 'text', (c) => c.notNull().defaultTo('50')) // 罚息上浮 %
    .addColumn('misuse_markup', 'text', (c) => c.notNull().defaultTo('100')) // 挪用上浮 %
    .addColumn('misused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active','settled','written_off','cancelled')`),
    )
    .addColumn('settled_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('loans_borrower').on('loans').columns(['borrower_id', 'id']).execute()
  await db.schema.createIndex('loans_officer_status').on('loans').columns(['officer_id', 'status', 'id']).execute()
  await db.schema.createIndex('loans_status').on('loans').columns(['status', 'id']).execute()
}
