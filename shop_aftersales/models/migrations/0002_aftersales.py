"""0002: after-sales items: return policy, return orders, items with their history, refunds, exchanges,
scrap records and returns to the supplier. Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "return_policy" ("id" INTEGER NOT NULL PRIMARY KEY, "category_id" INTEGER, "return_days" INTEGER NOT NULL, "exchange_days" INTEGER NOT NULL, "warranty_months" INTEGER NOT NULL, "refund_opened" INTEGER NOT NULL, "refund_used" INTEGER NOT NULL, "restocking_fee_pct" INTEGER NOT NULL, "reason_rules" TEXT NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "return_policy_category_id" ON "return_policy" ("category_id")',
    'CREATE TABLE "return_order" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "sale_id" INTEGER, "customer_id" INTEGER, "no_receipt" INTEGER NOT NULL, "bought_elsewhere" INTEGER NOT NULL, "staff_id" INTEGER, "shipping_cost" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id") ON DELETE RESTRICT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "return_order_number" ON "return_order" ("number")',
    'CREATE INDEX "return_order_created_at" ON "return_order" ("created_at")',
    'CREATE INDEX "return_order_sale_id" ON "return_order" ("sale_id")',
    'CREATE INDEX "return_order_customer_id" ON "return_order" ("customer_id")',
    'CREATE INDEX "return_order_staff_id" ON "return_order" ("staff_id")',
    'CREATE TABLE "aftersales_item" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "order_id" INTEGER NOT NULL, "sale_line_id" INTEGER, "product_id" INTEGER NOT NULL, "serial" VARCHAR(255), "quantity" INTEGER NOT NULL CHECK (quantity > 0), "unit_price" INTEGER NOT NULL, "purchased_at" DATETIME, "reason" VARCHAR(255) NOT NULL, "reason_text" TEXT NOT NULL, "fault" TEXT NOT NULL, "condition" VARCHAR(255) NOT NULL, "accessories" VARCHAR(255) NOT NULL, "requested_resolution" VARCHAR(255) NOT NULL, "resolution_state" VARCHAR(255) NOT NULL, "verdict" VARCHAR(255) NOT NULL, "verdict_text" TEXT NOT NULL, "override_reason" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "status_since" DATETIME NOT NULL, "customer_owned" INTEGER NOT NULL, "findings" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("order_id") REFERENCES "return_order" ("id") ON DELETE RESTRICT, FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id") ON DELETE RESTRICT, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "aftersales_item_code" ON "aftersales_item" ("code")',
    'CREATE INDEX "aftersales_item_order_id" ON "aftersales_item" ("order_id")',
    'CREATE INDEX "aftersales_item_sale_line_id" ON "aftersales_item" ("sale_line_id")',
    'CREATE INDEX "aftersales_item_product_id" ON "aftersales_item" ("product_id")',
    'CREATE INDEX "aftersales_item_serial" ON "aftersales_item" ("serial")',
    'CREATE INDEX "aftersales_item_status" ON "aftersales_item" ("status")',
    'CREATE INDEX "aftersales_item_created_at" ON "aftersales_item" ("created_at")',
    'CREATE TABLE "item_photo" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "file_name" VARCHAR(255) NOT NULL, "original_name" VARCHAR(255) NOT NULL, "added_at" DATETIME NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "item_photo_item_id" ON "item_photo" ("item_id")',
    'CREATE TABLE "item_event" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "staff_id" INTEGER, "code" INTEGER NOT NULL, "from_status" VARCHAR(255) NOT NULL, "to_status" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "data" TEXT NOT NULL, "move_id" INTEGER, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE CASCADE, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "item_event_item_id" ON "item_event" ("item_id")',
    'CREATE INDEX "item_event_created_at" ON "item_event" ("created_at")',
    'CREATE INDEX "item_event_staff_id" ON "item_event" ("staff_id")',
    'CREATE INDEX "item_event_move_id" ON "item_event" ("move_id")',
    'CREATE TABLE "refund" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "item_id" INTEGER NOT NULL, "amount" INTEGER NOT NULL CHECK (amount > 0), "method" VARCHAR(255) NOT NULL, "paid_at" DATETIME NOT NULL, "staff_id" INTEGER, "approved_by_id" INTEGER, "note" TEXT NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, FOREIGN KEY ("approved_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "refund_number" ON "refund" ("number")',
    'CREATE INDEX "refund_item_id" ON "refund" ("item_id")',
    'CREATE INDEX "refund_paid_at" ON "refund" ("paid_at")',
    'CREATE INDEX "refund_staff_id" ON "refund" ("staff_id")',
    'CREATE INDEX "refund_approved_by_id" ON "refund" ("approved_by_id")',
    'CREATE TABLE "exchange" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "serial" VARCHAR(255), "quantity" INTEGER NOT NULL, "move_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "staff_id" INTEGER, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "exchange_item_id" ON "exchange" ("item_id")',
    'CREATE INDEX "exchange_product_id" ON "exchange" ("product_id")',
    'CREATE INDEX "exchange_move_id" ON "exchange" ("move_id")',
    'CREATE INDEX "exchange_staff_id" ON "exchange" ("staff_id")',
    'CREATE TABLE "scrap_record" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "item_id" INTEGER NOT NULL, "product_name" VARCHAR(255) NOT NULL, "model" VARCHAR(255) NOT NULL, "quantity" INTEGER NOT NULL, "reason" TEXT NOT NULL, "write_off" INTEGER NOT NULL, "approved_by_id" INTEGER, "staff_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("approved_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "scrap_record_number" ON "scrap_record" ("number")',
    'CREATE INDEX "scrap_record_item_id" ON "scrap_record" ("item_id")',
    'CREATE INDEX "scrap_record_approved_by_id" ON "scrap_record" ("approved_by_id")',
    'CREATE INDEX "scrap_record_staff_id" ON "scrap_record" ("staff_id")',
    'CREATE INDEX "scrap_record_created_at" ON "scrap_record" ("created_at")',
    'CREATE TABLE "supplier_return" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "supplier_id" INTEGER, "listed_at" DATETIME NOT NULL, "shipped_at" DATETIME, "credit" INTEGER, "reference" VARCHAR(255) NOT NULL, "staff_id" INTEGER, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "supplier_return_item_id" ON "supplier_return" ("item_id")',
    'CREATE INDEX "supplier_return_supplier_id" ON "supplier_return" ("supplier_id")',
    'CREATE INDEX "supplier_return_staff_id" ON "supplier_return" ("staff_id")',
]

# On-hand is kept apart for units the shop owns and units customers left for repair (not stock value).
QUANT_OWNER = [
    "ALTER TABLE stock_quant ADD COLUMN customer_owned INTEGER NOT NULL DEFAULT 0",
    'DROP INDEX "stock_quant_product_id_location_id"',
    'CREATE UNIQUE INDEX "stock_quant_product_id_location_id_customer_owned" '
    'ON "stock_quant" ("product_id", "location_id", "customer_owned")',
]

# The history is append-only, like the stock ledger.
TRIGGERS = [
    "CREATE TRIGGER item_event_no_update BEFORE UPDATE ON item_event "
    "BEGIN SELECT RAISE(ABORT, 'item history is append-only'); END",
    "CREATE TRIGGER item_event_no_delete BEFORE DELETE ON item_event "
    "BEGIN SELECT RAISE(ABORT, 'item history is append-only'); END",
]

# The shop-wide default policy: the common 三包 rule (return 7 days, exchange 15 days, 12 months' warranty).
DEFAULT_RULES = (
    '{"quality": ["refund", "exchange", "repair"], "wrong_item": ["refund", "exchange"], '
    '"transit_damage": ["refund", "exchange", "repair"], "not_as_described": ["refund", "exchange"], '
    '"allergy": ["refund"], "changed_mind": ["refund", "exchange"], "other": ["exchange", "repair"]}'
)


def up(migrator, db):
    for statement in SCHEMA + QUANT_OWNER + TRIGGERS:
        db.execute_sql(statement)
    db.execute_sql(
        "INSERT INTO return_policy (category_id, return_days, exchange_days, warranty_months, refund_opened, "
        "refund_used, restocking_fee_pct, reason_rules) VALUES (NULL, 7, 15, 12, TRUE, FALSE, 0, ?)", (DEFAULT_RULES,))
