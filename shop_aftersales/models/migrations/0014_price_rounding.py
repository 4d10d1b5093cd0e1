"""0014: how a pricing rule rounds the suggested resale price (issue 17, part 4): ``pricing_rule.rounding`` is
'fen' (to the fen, the default: 60 % of ¥129.00 is ¥77.40), 'jiao' (to ¥0.10), 'yuan' (to the yuan) or 'nine'
(a price ending in 9: ¥79, ¥129; services.resale.round_price says how). Rules that exist keep to the fen; before,
every suggestion was rounded to the yuan. The owner-only triggers of 0010 guard the new column with the row.
Frozen SQL (see 0001)."""

SCHEMA = [
    """ALTER TABLE "pricing_rule" ADD COLUMN "rounding" VARCHAR(255) NOT NULL DEFAULT 'fen'""",
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
