"""0016: measures the owner notes on a date (issue 18, part 2), marked on the Reports tab's trend charts and listed
in the workbook's trend table: the day it took effect, what it was, who noted it and when. A note changes no
money, so the table is open to all staff (no owner-only trigger). Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "measure" ("id" INTEGER NOT NULL PRIMARY KEY, "date" DATE NOT NULL, "text" TEXT NOT NULL, "staff_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "measure_date" ON "measure" ("date")',
    'CREATE INDEX "measure_staff_id" ON "measure" ("staff_id")',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
