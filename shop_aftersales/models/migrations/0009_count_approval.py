"""0009: a stock count that brings back a unit the ledger had with a customer or a supplier names the owner who
approved it; and from now on a refund, an exchange, a scrap and a resale sale must name who did it (older rows
may not: `check` asks it of the documents numbered after the ones this records). Frozen SQL (see 0001)."""

SCHEMA = [
    'ALTER TABLE "stock_count" ADD COLUMN "approved_by_id" INTEGER REFERENCES "staff" ("id") ON DELETE RESTRICT',
    'CREATE INDEX IF NOT EXISTS "stock_count_approved_by_id" ON "stock_count" ("approved_by_id")',
    # the setting does not exist yet: a plain INSERT on both backends (JSON built by string, as json_object would)
    """INSERT INTO "setting" ("key", "value") SELECT 'check.staff_named_after',
        '{"refund":' || (SELECT COALESCE(MAX(id), 0) FROM "refund")
        || ',"exchange":' || (SELECT COALESCE(MAX(id), 0) FROM "exchange")
        || ',"scrap_record":' || (SELECT COALESCE(MAX(id), 0) FROM "scrap_record")
        || ',"resale_sale":' || (SELECT COALESCE(MAX(id), 0) FROM "resale_sale") || '}'""",
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
