"""0003: repairs: technicians, repair orders, labour and parts; spare parts in the catalogue; the quality-check,
pickup and used-in-repairs locations. Frozen SQL (see 0001)."""

SCHEMA = [
    'CREATE TABLE "technician" ("id" INTEGER NOT NULL PRIMARY KEY, "staff_id" INTEGER NOT NULL, "skill" VARCHAR(255) NOT NULL, "capacity" INTEGER NOT NULL, "working_days" VARCHAR(255) NOT NULL, "hourly_rate" INTEGER NOT NULL, "active" INTEGER NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "technician_staff_id" ON "technician" ("staff_id")',
    'CREATE TABLE "technician_category" ("id" INTEGER NOT NULL PRIMARY KEY, "technician_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, FOREIGN KEY ("technician_id") REFERENCES "technician" ("id") ON DELETE CASCADE, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "technician_category_technician_id" ON "technician_category" ("technician_id")',
    'CREATE INDEX "technician_category_category_id" ON "technician_category" ("category_id")',
    'CREATE UNIQUE INDEX "technician_category_technician_id_category_id" ON "technician_category" ("technician_id", "category_id")',
    'CREATE TABLE "repair_order" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "item_id" INTEGER NOT NULL, "fault" TEXT NOT NULL, "difficulty" VARCHAR(255) NOT NULL, "estimate" INTEGER NOT NULL, "due_date" DATE NOT NULL, "priority" INTEGER NOT NULL, "state" VARCHAR(255) NOT NULL, "technician_id" INTEGER, "planned_on" DATE, "outside_fees" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "started_at" DATETIME, "finished_at" DATETIME, FOREIGN KEY ("item_id") REFERENCES "aftersales_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("technician_id") REFERENCES "technician" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "repair_order_number" ON "repair_order" ("number")',
    'CREATE INDEX "repair_order_item_id" ON "repair_order" ("item_id")',
    'CREATE INDEX "repair_order_due_date" ON "repair_order" ("due_date")',
    'CREATE INDEX "repair_order_state" ON "repair_order" ("state")',
    'CREATE INDEX "repair_order_technician_id" ON "repair_order" ("technician_id")',
    'CREATE INDEX "repair_order_planned_on" ON "repair_order" ("planned_on")',
    'CREATE TABLE "labour_log" ("id" INTEGER NOT NULL PRIMARY KEY, "repair_id" INTEGER NOT NULL, "technician_id" INTEGER NOT NULL, "hours" INTEGER NOT NULL CHECK (hours > 0), "rate" INTEGER NOT NULL, "logged_at" DATETIME NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("repair_id") REFERENCES "repair_order" ("id") ON DELETE RESTRICT, FOREIGN KEY ("technician_id") REFERENCES "technician" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "labour_log_repair_id" ON "labour_log" ("repair_id")',
    'CREATE INDEX "labour_log_technician_id" ON "labour_log" ("technician_id")',
    'CREATE TABLE "repair_part" ("id" INTEGER NOT NULL PRIMARY KEY, "repair_id" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "quantity" INTEGER NOT NULL CHECK (quantity > 0), "unit_cost" INTEGER NOT NULL, "move_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("repair_id") REFERENCES "repair_order" ("id") ON DELETE RESTRICT, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "repair_part_repair_id" ON "repair_part" ("repair_id")',
    'CREATE INDEX "repair_part_product_id" ON "repair_part" ("product_id")',
    'CREATE INDEX "repair_part_move_id" ON "repair_part" ("move_id")',
    'CREATE TABLE "part_receipt" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "product_id" INTEGER NOT NULL, "supplier_id" INTEGER, "quantity" INTEGER NOT NULL CHECK (quantity > 0), "unit_cost" INTEGER NOT NULL, "move_id" INTEGER NOT NULL, "staff_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE RESTRICT, FOREIGN KEY ("move_id") REFERENCES "stock_move" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "part_receipt_number" ON "part_receipt" ("number")',
    'CREATE INDEX "part_receipt_product_id" ON "part_receipt" ("product_id")',
    'CREATE INDEX "part_receipt_supplier_id" ON "part_receipt" ("supplier_id")',
    'CREATE INDEX "part_receipt_move_id" ON "part_receipt" ("move_id")',
    'CREATE INDEX "part_receipt_staff_id" ON "part_receipt" ("staff_id")',
]

PRODUCT_COLUMNS = [
    "ALTER TABLE product ADD COLUMN kind VARCHAR(255) NOT NULL DEFAULT 'goods'",
    "ALTER TABLE product ADD COLUMN bin VARCHAR(255) NOT NULL DEFAULT ''",
    "ALTER TABLE product ADD COLUMN reorder_level INTEGER NOT NULL DEFAULT 0",
]

LOCATIONS = [
    ("qc", "internal", "Quality check", 45),
    ("pickup", "internal", "Ready for pickup", 47),
    ("repair_use", "virtual", "Used in repairs", 140),
]


def up(migrator, db):
    for statement in SCHEMA + PRODUCT_COLUMNS:
        db.execute_sql(statement)
    for code, kind, name, order in LOCATIONS:
        db.execute_sql(
            "INSERT INTO location (code, name, kind, parent_id, sort_order, active) VALUES (?, ?, ?, NULL, ?, TRUE)",
            (code, name, kind, order))
