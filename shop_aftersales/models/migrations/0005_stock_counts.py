"""0005: stock counts (盘点) and their lines. Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "stock_count" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "staff_id" INTEGER, "zones" TEXT NOT NULL, "state" VARCHAR(255) NOT NULL, "posted_at" DATETIME, "reason" TEXT NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "stock_count_number" ON "stock_count" ("number")',
    'CREATE INDEX "stock_count_staff_id" ON "stock_count" ("staff_id")',
    'CREATE TABLE "stock_count_line" ("id" INTEGER NOT NULL PRIMARY KEY, "count_id" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "location_id" INTEGER NOT NULL, "serial" VARCHAR(255), "expected" INTEGER NOT NULL, "counted" INTEGER, FOREIGN KEY ("count_id") REFERENCES "stock_count" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "stock_count_line_count_id" ON "stock_count_line" ("count_id")',
    'CREATE INDEX "stock_count_line_product_id" ON "stock_count_line" ("product_id")',
    'CREATE INDEX "stock_count_line_location_id" ON "stock_count_line" ("location_id")',
    'CREATE UNIQUE INDEX "stock_count_line_count_id_product_id_location_id_serial" ON "stock_count_line" ("count_id", "product_id", "location_id", "serial")',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
