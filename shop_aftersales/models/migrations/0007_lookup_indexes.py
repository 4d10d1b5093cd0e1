"""0007: an index for a look-up that scanned a table: a scanned serial in the stock (search by serial without
the product). Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE INDEX IF NOT EXISTS "stock_serial_serial" ON "stock_serial" ("serial")',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
