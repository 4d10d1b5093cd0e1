"""0009: a stock count that brings back a unit the ledger had with a customer or a supplier names the owner who
approved it. Frozen SQL (see 0001)."""

SCHEMA = [
    'ALTER TABLE "stock_count" ADD COLUMN "approved_by_id" INTEGER REFERENCES "staff" ("id") ON DELETE RESTRICT',
    'CREATE INDEX IF NOT EXISTS "stock_count_approved_by_id" ON "stock_count" ("approved_by_id")',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
