"""0017: counts that come round on time (issue 18, part 4).

- ``count_schedule``: how often the owner wants each zone counted — one row per scheduled zone (an internal
  location) with the interval in days (weekly 7, every 2 weeks 14, monthly 30, quarterly 90, or any 1–366) and
  when it was set (``since``: a zone never counted is due from that day). A zone without a row is not scheduled.
  It rules the shop's work, so it is owner-only like the return policy: once an active owner has a PIN, the
  table refuses any change unless the business step holds the owner's grant (the ``setting_grant`` row of
  migration 0010, written by services.stock_count.set_count_schedule after the owner's PIN was checked); every
  change is recorded in ``setting_change``.
- ``stock_count.posted_by_id``: who posted the count (counts posted before keep NULL; the history names who
  started them instead).

Frozen SQL (see 0001); the protection clause is 0010's, copied as it was.
"""

PROTECTION_ON = ("EXISTS (SELECT 1 FROM \"staff\" WHERE \"role\" = 'owner' AND \"active\" AND \"pin_hash\" <> '') "
                 "AND NOT EXISTS (SELECT 1 FROM \"setting_grant\")")

REFUSED = "BEGIN SELECT RAISE(ABORT, 'owner-only setting: this needs the owner''s approval'); END"

SCHEMA = [
    'CREATE TABLE "count_schedule" ("id" INTEGER NOT NULL PRIMARY KEY, "location_id" INTEGER NOT NULL, '
    '"interval_days" INTEGER NOT NULL CHECK ("interval_days" BETWEEN 1 AND 366), "since" DATETIME NOT NULL, '
    'FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "count_schedule_location_id" ON "count_schedule" ("location_id")',
    'ALTER TABLE "stock_count" ADD COLUMN "posted_by_id" INTEGER REFERENCES "staff" ("id") ON DELETE RESTRICT',
    'CREATE INDEX "stock_count_posted_by_id" ON "stock_count" ("posted_by_id")',
]

TRIGGERS = [
    f"CREATE TRIGGER count_schedule_owner_only_{event.lower()} BEFORE {event} ON count_schedule "
    f"WHEN {PROTECTION_ON} {REFUSED}"
    for event in ("INSERT", "UPDATE", "DELETE")
]


def up(migrator, db):
    for statement in SCHEMA + TRIGGERS:
        db.execute_sql(statement)
