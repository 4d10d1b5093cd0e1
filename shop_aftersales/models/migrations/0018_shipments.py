"""0018: shipments to customers (issue 18, part 5): ``shipment`` keeps a customer's repaired unit (or the
replacement of an exchange) sent back by courier instead of picked up — carrier, tracking number, shipping cost
(integer fen, never negative), the day shipped and, once confirmed, the day delivered (models/shipping.py).

The unit leaves the shop by the same stock move as a pickup (to the customers' location), so the ledger's and the
items' invariants stay what `check` proves; the shipment names that move. A shipment is written once and its
delivery recorded once: the triggers refuse deleting one, and any change but setting ``delivered_on`` and
``delivered_by_id`` on a shipment not yet delivered. Frozen SQL (see 0001)."""

_FIXED = ("id", "item_id", "exchange_id", "move_id", "carrier", "tracking_no", "cost", "shipped_on", "staff_id",
          "created_at")

SCHEMA = [
    'CREATE TABLE "shipment" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "exchange_id" INTEGER, '
    '"move_id" INTEGER NOT NULL, "carrier" VARCHAR(255) NOT NULL, "tracking_no" VARCHAR(255) NOT NULL, '
    '"cost" INTEGER NOT NULL CHECK (cost >= 0), "shipped_on" DATE NOT NULL, "delivered_on" DATE, "staff_id" INTEGER, '
    '"delivered_by_id" INTEGER, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("exchange_id") REFERENCES "exchange" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("delivered_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "shipment_item_id" ON "shipment" ("item_id")',
    'CREATE INDEX "shipment_exchange_id" ON "shipment" ("exchange_id")',
    'CREATE INDEX "shipment_move_id" ON "shipment" ("move_id")',
    'CREATE INDEX "shipment_tracking_no" ON "shipment" ("tracking_no")',
    'CREATE INDEX "shipment_shipped_on" ON "shipment" ("shipped_on")',
    'CREATE INDEX "shipment_delivered_on" ON "shipment" ("delivered_on")',
    'CREATE INDEX "shipment_staff_id" ON "shipment" ("staff_id")',
    'CREATE INDEX "shipment_delivered_by_id" ON "shipment" ("delivered_by_id")',
    "CREATE TRIGGER shipment_no_delete BEFORE DELETE ON shipment "
    "BEGIN SELECT RAISE(ABORT, 'shipments are kept'); END",
    "CREATE TRIGGER shipment_fixed BEFORE UPDATE ON shipment WHEN OLD.delivered_on IS NOT NULL OR "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _FIXED)
    + " BEGIN SELECT RAISE(ABORT, 'a shipment is written once; only its delivery is recorded, once'); END",
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
