"""0010: owner-only settings and PIN throttling (issue 16, part 3).

- ``staff.pin_failures`` / ``staff.pin_blocked_until``: wrong PINs in a row and, after three, until when the
  PIN is refused without being checked (services.staff). In the database, so a restart does not reset them.
- ``setting_change``: the record of every change of a setting, of the return policy, of the resale rules, of a
  PC's printers and of the staff list: who, when, which owner approved it, before → after. Append-only, like
  the item history (its own table, not ``item_event``: an event there belongs to an after-sales item).
- Owner-only rules are guarded in the database too: once an active owner has a PIN, the return policy, the
  resale pricing rules and checklists, and the owner-only settings (promises, messages, repair, resale and
  return rules, backup folders) refuse any change unless the business step that makes it holds an owner's
  grant (a row of ``setting_grant``, written and removed inside the step's own transaction by
  services.settings after the owner's PIN was checked). So a service call without the owner's approval is
  refused even when it bypasses services.settings (e.g. services.policy.save_policy called alone).

Frozen SQL (see 0001); services.settings.owner_only() says the same about setting keys as OWNER_ONLY_KEY here.
"""

PROTECTION_ON = ("EXISTS (SELECT 1 FROM \"staff\" WHERE \"role\" = 'owner' AND \"active\" AND \"pin_hash\" <> '') "
                 "AND NOT EXISTS (SELECT 1 FROM \"setting_grant\")")


def OWNER_ONLY_KEY(row: str) -> str:  # noqa: N802 - an SQL fragment, like a constant
    key = f'{row}."key"'
    return (f"({key} GLOB 'promise.*' OR {key} GLOB 'message.*' OR {key} GLOB 'repair.*' OR "
            f"{key} GLOB 'resale.*' OR {key} GLOB 'returns.*' OR {key} GLOB 'backup.*folder*')")


REFUSED = "BEGIN SELECT RAISE(ABORT, 'owner-only setting: this needs the owner''s approval'); END"

SCHEMA = [
    'ALTER TABLE "staff" ADD COLUMN "pin_failures" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "staff" ADD COLUMN "pin_blocked_until" DATETIME',
    'CREATE TABLE "setting_change" ("id" INTEGER NOT NULL PRIMARY KEY, "created_at" DATETIME NOT NULL, '
    '"staff_id" INTEGER, "approved_by_id" INTEGER, "area" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, '
    '"before" TEXT NOT NULL, "after" TEXT NOT NULL, '
    'FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("approved_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "setting_change_created_at" ON "setting_change" ("created_at")',
    'CREATE INDEX "setting_change_staff_id" ON "setting_change" ("staff_id")',
    'CREATE INDEX "setting_change_approved_by_id" ON "setting_change" ("approved_by_id")',
    'CREATE INDEX "setting_change_area" ON "setting_change" ("area")',
    'CREATE TABLE "setting_grant" ("id" INTEGER NOT NULL PRIMARY KEY)',
]

TRIGGERS = [
    "CREATE TRIGGER setting_change_no_update BEFORE UPDATE ON setting_change "
    "BEGIN SELECT RAISE(ABORT, 'the record of setting changes is append-only'); END",
    "CREATE TRIGGER setting_change_no_delete BEFORE DELETE ON setting_change "
    "BEGIN SELECT RAISE(ABORT, 'the record of setting changes is append-only'); END",
    f"CREATE TRIGGER setting_owner_only_insert BEFORE INSERT ON setting "
    f"WHEN {OWNER_ONLY_KEY('NEW')} AND {PROTECTION_ON} {REFUSED}",
    f"CREATE TRIGGER setting_owner_only_update BEFORE UPDATE ON setting "
    f"WHEN ({OWNER_ONLY_KEY('NEW')} OR {OWNER_ONLY_KEY('OLD')}) AND {PROTECTION_ON} {REFUSED}",
    f"CREATE TRIGGER setting_owner_only_delete BEFORE DELETE ON setting "
    f"WHEN {OWNER_ONLY_KEY('OLD')} AND {PROTECTION_ON} {REFUSED}",
] + [
    f"CREATE TRIGGER {table}_owner_only_{event.lower()} BEFORE {event} ON {table} WHEN {PROTECTION_ON} {REFUSED}"
    for table, events in (("return_policy", ("INSERT", "UPDATE", "DELETE")),
                          # no DELETE trigger here: rows only go when their category does (ON DELETE CASCADE)
                          ("pricing_rule", ("INSERT", "UPDATE")), ("quality_checklist", ("INSERT", "UPDATE")))
    for event in events
]


def up(migrator, db):
    for statement in SCHEMA + TRIGGERS:
        db.execute_sql(statement)
