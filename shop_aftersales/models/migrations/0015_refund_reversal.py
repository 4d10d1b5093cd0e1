"""0015: reversing a refund given by mistake (issue 17, part 2).

- ``refund_reversal`` (冲销, numbers ``CX…``): one row per reversed refund (``refund_id`` UNIQUE: a refund is
  reversed at most once), with the refund's amount, the reason, who did it and the owner who approved it. The
  refund itself stays as it was (0011 keeps it append-only); money figures are the refunds less their reversals.
- Written once, like the refunds (0011): BEFORE UPDATE / BEFORE DELETE triggers refuse any change, and a
  BEFORE INSERT trigger refuses a reversal whose amount is not its refund's. `check` reports a missing trigger and
  a reversal that disagrees with its refund or with the item's history.

Frozen SQL (see 0001).
"""

SCHEMA = [
    'CREATE TABLE "refund_reversal" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, '
    '"refund_id" INTEGER NOT NULL, "amount" INTEGER NOT NULL CHECK (amount > 0), "reason" TEXT NOT NULL, '
    '"staff_id" INTEGER, "approved_by_id" INTEGER, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("refund_id") REFERENCES "refund" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("approved_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "refund_reversal_number" ON "refund_reversal" ("number")',
    'CREATE UNIQUE INDEX "refund_reversal_refund_id" ON "refund_reversal" ("refund_id")',
    'CREATE INDEX "refund_reversal_staff_id" ON "refund_reversal" ("staff_id")',
    'CREATE INDEX "refund_reversal_approved_by_id" ON "refund_reversal" ("approved_by_id")',
    'CREATE INDEX "refund_reversal_created_at" ON "refund_reversal" ("created_at")',
]

TRIGGERS = [
    "CREATE TRIGGER refund_reversal_no_update BEFORE UPDATE ON refund_reversal "
    "BEGIN SELECT RAISE(ABORT, 'refund reversals are append-only'); END",
    "CREATE TRIGGER refund_reversal_no_delete BEFORE DELETE ON refund_reversal "
    "BEGIN SELECT RAISE(ABORT, 'refund reversals are append-only'); END",
    "CREATE TRIGGER refund_reversal_amount BEFORE INSERT ON refund_reversal "
    "WHEN NEW.amount IS NOT (SELECT amount FROM refund WHERE id = NEW.refund_id) "
    "BEGIN SELECT RAISE(ABORT, 'a reversal is for the whole amount of its refund'); END",
]


def up(migrator, db):
    for statement in SCHEMA + TRIGGERS:
        db.execute_sql(statement)
