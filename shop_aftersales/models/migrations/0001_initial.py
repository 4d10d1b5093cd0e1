"""0001: the initial schema: catalogue, people, sales, the stock ledger, numbering, settings.

Frozen SQL, deliberately independent of the application models (which may change later);
tests/test_database.py proves the models still match the migrated schema.
"""

SCHEMA = [
    'CREATE TABLE "supplier" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "contact" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "supplier_name" ON "supplier" ("name")',
    'CREATE TABLE "category" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "category_name" ON "category" ("name")',
    'CREATE TABLE "product" ("id" INTEGER NOT NULL PRIMARY KEY, "sku" VARCHAR(255) NOT NULL, "barcode" VARCHAR(255), "name" VARCHAR(255) NOT NULL, "model" VARCHAR(255) NOT NULL, "category_id" INTEGER, "brand" VARCHAR(255) NOT NULL, "supplier_id" INTEGER, "list_price" INTEGER NOT NULL, "cost" INTEGER NOT NULL, "serialised" INTEGER NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE RESTRICT, FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "product_sku" ON "product" ("sku")',
    'CREATE INDEX "product_barcode" ON "product" ("barcode")',
    'CREATE INDEX "product_name" ON "product" ("name")',
    'CREATE INDEX "product_category_id" ON "product" ("category_id")',
    'CREATE INDEX "product_supplier_id" ON "product" ("supplier_id")',
    'CREATE TABLE "customer" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE INDEX "customer_name" ON "customer" ("name")',
    'CREATE INDEX "customer_phone" ON "customer" ("phone")',
    'CREATE TABLE "staff" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "staff_name" ON "staff" ("name")',
    'CREATE TABLE "sale" ("id" INTEGER NOT NULL PRIMARY KEY, "receipt_no" VARCHAR(255) NOT NULL, "sold_at" DATETIME NOT NULL, "customer_id" INTEGER, "staff_id" INTEGER, "source" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "sale_receipt_no" ON "sale" ("receipt_no")',
    'CREATE INDEX "sale_sold_at" ON "sale" ("sold_at")',
    'CREATE INDEX "sale_customer_id" ON "sale" ("customer_id")',
    'CREATE INDEX "sale_staff_id" ON "sale" ("staff_id")',
    'CREATE TABLE "sale_line" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" INTEGER NOT NULL, "line_no" INTEGER NOT NULL, "product_id" INTEGER NOT NULL, "serial" VARCHAR(255), "quantity" INTEGER NOT NULL CHECK (quantity > 0), "unit_price" INTEGER NOT NULL CHECK (unit_price >= 0), "supplier_id" INTEGER, "batch" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("supplier_id") REFERENCES "supplier" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "sale_line_sale_id" ON "sale_line" ("sale_id")',
    'CREATE INDEX "sale_line_product_id" ON "sale_line" ("product_id")',
    'CREATE INDEX "sale_line_serial" ON "sale_line" ("serial")',
    'CREATE INDEX "sale_line_supplier_id" ON "sale_line" ("supplier_id")',
    'CREATE INDEX "sale_line_batch" ON "sale_line" ("batch")',
    'CREATE UNIQUE INDEX "sale_line_sale_id_line_no" ON "sale_line" ("sale_id", "line_no")',
    'CREATE TABLE "location" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "parent_id" INTEGER, "sort_order" INTEGER NOT NULL, "active" INTEGER NOT NULL, FOREIGN KEY ("parent_id") REFERENCES "location" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "location_code" ON "location" ("code")',
    'CREATE INDEX "location_parent_id" ON "location" ("parent_id")',
    'CREATE TABLE "stock_move" ("id" INTEGER NOT NULL PRIMARY KEY, "created_at" DATETIME NOT NULL, "product_id" INTEGER NOT NULL, "quantity" INTEGER NOT NULL CHECK (quantity > 0), "from_location_id" INTEGER NOT NULL, "to_location_id" INTEGER NOT NULL, "serial" VARCHAR(255), "reference" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "staff_id" INTEGER, "customer_owned" INTEGER NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("from_location_id") REFERENCES "location" ("id") ON DELETE RESTRICT, FOREIGN KEY ("to_location_id") REFERENCES "location" ("id") ON DELETE RESTRICT, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT, CHECK (from_location_id <> to_location_id))',
    'CREATE INDEX "stock_move_created_at" ON "stock_move" ("created_at")',
    'CREATE INDEX "stock_move_product_id" ON "stock_move" ("product_id")',
    'CREATE INDEX "stock_move_from_location_id" ON "stock_move" ("from_location_id")',
    'CREATE INDEX "stock_move_to_location_id" ON "stock_move" ("to_location_id")',
    'CREATE INDEX "stock_move_serial" ON "stock_move" ("serial")',
    'CREATE INDEX "stock_move_reference" ON "stock_move" ("reference")',
    'CREATE INDEX "stock_move_staff_id" ON "stock_move" ("staff_id")',
    'CREATE INDEX "stock_move_product_id_from_location_id" ON "stock_move" ("product_id", "from_location_id")',
    'CREATE INDEX "stock_move_product_id_to_location_id" ON "stock_move" ("product_id", "to_location_id")',
    'CREATE TABLE "stock_quant" ("id" INTEGER NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "location_id" INTEGER NOT NULL, "quantity" INTEGER NOT NULL CHECK (quantity >= 0), FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "stock_quant_product_id" ON "stock_quant" ("product_id")',
    'CREATE INDEX "stock_quant_location_id" ON "stock_quant" ("location_id")',
    'CREATE UNIQUE INDEX "stock_quant_product_id_location_id" ON "stock_quant" ("product_id", "location_id")',
    'CREATE INDEX "stock_quant_location_id_product_id" ON "stock_quant" ("location_id", "product_id")',
    'CREATE TABLE "stock_serial" ("id" INTEGER NOT NULL PRIMARY KEY, "product_id" INTEGER NOT NULL, "serial" VARCHAR(255) NOT NULL, "location_id" INTEGER NOT NULL, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE RESTRICT, FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "stock_serial_product_id" ON "stock_serial" ("product_id")',
    'CREATE INDEX "stock_serial_location_id" ON "stock_serial" ("location_id")',
    'CREATE UNIQUE INDEX "stock_serial_product_id_serial" ON "stock_serial" ("product_id", "serial")',
    'CREATE TABLE "document_sequence" ("doc_type" VARCHAR(255) NOT NULL PRIMARY KEY, "prefix" VARCHAR(255) NOT NULL, "next_value" INTEGER NOT NULL)',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "import_log" ("id" INTEGER NOT NULL PRIMARY KEY, "created_at" DATETIME NOT NULL, "kind" VARCHAR(255) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "rows" INTEGER NOT NULL, "created" INTEGER NOT NULL, "skipped" INTEGER NOT NULL, "staff_id" INTEGER, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "import_log_staff_id" ON "import_log" ("staff_id")',
]

# The ledger is append-only: SQLite itself refuses to edit or delete a stock move.
TRIGGERS = [
    "CREATE TRIGGER stock_move_no_update BEFORE UPDATE ON stock_move "
    "BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END",
    "CREATE TRIGGER stock_move_no_delete BEFORE DELETE ON stock_move "
    "BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END",
]

LOCATIONS = [
    # code, kind, English name (translated when shown), sort order
    ("sellable", "internal", "Sellable stock", 10),
    ("inspection", "internal", "Inspection", 20),
    ("repairable", "internal", "Repairable", 30),
    ("in_repair", "internal", "In repair", 40),
    ("resale", "internal", "Resale shelf", 50),
    ("supplier_return", "internal", "Return to supplier", 60),
    ("parts", "internal", "Spare parts store", 70),
    ("customer", "virtual", "Customers", 100),
    ("supplier", "virtual", "Suppliers", 110),
    ("scrap", "virtual", "Scrap", 120),
    ("adjustment", "virtual", "Stock adjustment", 130),
]


def up(migrator, db):
    for statement in SCHEMA + TRIGGERS:
        db.execute_sql(statement)
    for code, kind, name, order in LOCATIONS:
        db.execute_sql(
            "INSERT INTO location (code, name, kind, parent_id, sort_order, active) "
            "VALUES (?, ?, ?, NULL, ?, TRUE)",
            (code, name, kind, order),
        )
