"""0006: staff PINs, stored as salted scrypt hashes (never the PIN)."""


def up(migrator, db):
    db.execute_sql("ALTER TABLE staff ADD COLUMN pin_hash VARCHAR(255) NOT NULL DEFAULT ''")
