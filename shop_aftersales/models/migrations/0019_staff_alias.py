"""0019: the salesperson names a till writes, remembered (issue 18, part 1). A sales import's salesperson column
is matched to staff by name; a name that is no staff member's (a till's nickname, "小王") is mapped once in the
import dialog to a staff member, and ``staff_alias`` keeps that mapping so next month's file imports without
asking again. ``name`` is the name as matched (services.salespeople.name_key: NFKC, trimmed, one space,
case-folded), ``written`` as the file first wrote it. Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "staff_alias" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"written" VARCHAR(255) NOT NULL, "staff_id" INTEGER NOT NULL, "created_by_id" INTEGER, '
    '"created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("created_by_id") REFERENCES "staff" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "staff_alias_name" ON "staff_alias" ("name")',
    'CREATE INDEX "staff_alias_staff_id" ON "staff_alias" ("staff_id")',
    'CREATE INDEX "staff_alias_created_by_id" ON "staff_alias" ("created_by_id")',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
