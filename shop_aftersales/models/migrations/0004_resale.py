"""0004: resale: quality checklists and checks, pricing rules, listings on the resale shelf and resale sales.
Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "quality_checklist" ("id" INTEGER NOT NULL PRIMARY KEY, "category_id" INTEGER, "lines" TEXT NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "quality_checklist_category_id" ON "quality_checklist" ("category_id")',
    'CREATE TABLE "quality_check" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "checked_at" DATETIME NOT NULL, "staff_id" INTEGER, "results" TEXT NOT NULL, "passed" INTEGER NOT NULL, "notes" TEXT NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "quality_check_item_id" ON "quality_check" ("item_id")',
    'CREATE INDEX "quality_check_staff_id" ON "quality_check" ("staff_id")',
    'CREATE TABLE "pricing_rule" ("id" INTEGER NOT NULL PRIMARY KEY, "category_id" INTEGER, "grade_a" INTEGER NOT NULL, "grade_b" INTEGER NOT NULL, "grade_c" INTEGER NOT NULL, "floor_pct" INTEGER NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "pricing_rule_category_id" ON "pricing_rule" ("category_id")',
    'CREATE TABLE "resale_listing" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "check_id" INTEGER NOT NULL, "grade" VARCHAR(255) NOT NULL, "flaws" TEXT NOT NULL, "disclosure" TEXT NOT NULL, "suggested" INTEGER NOT NULL, "floor" INTEGER NOT NULL, "price" INTEGER NOT NULL CHECK (price > 0), "channel" VARCHAR(255) NOT NULL, "approved_by_id" INTEGER, "listed_at" DATETIME NOT NULL, "active" INTEGER NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("check_id") REFERENCES "quality_check" ("id") ON DELETE RESTRICT, FOREIGN KEY ("approved_by_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "resale_listing_item_id" ON "resale_listing" ("item_id")',
    'CREATE INDEX "resale_listing_check_id" ON "resale_listing" ("check_id")',
    'CREATE INDEX "resale_listing_approved_by_id" ON "resale_listing" ("approved_by_id")',
    'CREATE INDEX "resale_listing_listed_at" ON "resale_listing" ("listed_at")',
    'CREATE TABLE "resale_sale" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "item_id" INTEGER NOT NULL, "listing_id" INTEGER NOT NULL, "price" INTEGER NOT NULL CHECK (price > 0), "channel" VARCHAR(255) NOT NULL, "sold_at" DATETIME NOT NULL, "buyer_name" VARCHAR(255) NOT NULL, "buyer_phone" VARCHAR(255) NOT NULL, "disclosure" TEXT NOT NULL, "disclosed" INTEGER NOT NULL CHECK (disclosed = 1), "staff_id" INTEGER, "move_id" INTEGER NOT NULL, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("listing_id") REFERENCES "resale_listing" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "resale_sale_number" ON "resale_sale" ("number")',
    'CREATE UNIQUE INDEX "resale_sale_item_id" ON "resale_sale" ("item_id")',
    'CREATE INDEX "resale_sale_listing_id" ON "resale_sale" ("listing_id")',
    'CREATE INDEX "resale_sale_sold_at" ON "resale_sale" ("sold_at")',
    'CREATE INDEX "resale_sale_staff_id" ON "resale_sale" ("staff_id")',
    'CREATE INDEX "resale_sale_move_id" ON "resale_sale" ("move_id")',
]

# A default checklist for every category, and the ones the demo's kinds of goods need.
DEFAULT_CHECKLIST = '["外观完好", "功能正常", "配件齐全", "已清洁"]'
DEFAULT_PRICING = (85, 70, 55, 40)  # grade A/B/C as % of the new price, and the floor


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
    db.execute_sql("INSERT INTO quality_checklist (category_id, lines) VALUES (NULL, ?)", (DEFAULT_CHECKLIST,))
    db.execute_sql("INSERT INTO pricing_rule (category_id, grade_a, grade_b, grade_c, floor_pct) "
                   "VALUES (NULL, ?, ?, ?, ?)", DEFAULT_PRICING)
