import { type Kysely, sql } from 'kysely'

/** Borrowers (individuals and enterprises), with the columns short searches need. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('borrowers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('individual','enterprise')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('id_tail', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text')
    .addColumn('phone', 'text')
    .addColumn('village', 'text')
    .addColumn('village_group', 'text')
    .addColumn('address', 'text')
    .addColumn('occupation', 'text')
    .addColumn('household_income', 'integer')
    .addColumn('credit_rating', 'text')
    .addColumn('legal_rep', 'text')
    .addColumn('business_scope', 'text')
    .addColumn('officer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await sql`create unique index borrowers_id_number on borrowers(id_number) where id_number is not null`.execute(db)
  await sql`create unique index borrowers_credit_code on borrowers(credit_code) where credit_code is not null`.execute(
    db,
  )
  await db.schema.createIndex('borrowers_name').on('borrowers').columns(['name', 'id']).execute()
  await db.schema.createIndex('borrowers_initials').on('borrowers').columns(['name_initials', 'id']).execute()
  await db.schema.createIndex('borrowers_id_tail').on('borrowers').column('id_tail').execute()
  await db.schema.createIndex('borrowers_village').on('borrowers').columns(['village', 'id']).execute()
  await db.schema.createIndex('borrowers_officer').on('borrowers').columns(['officer_id', 'id']).execute()
}
