"""0012: texts made from codes, and the restocking fee per reason (issue 17, part 3).

- ``aftersales_item.verdict_reasons``: the policy verdict's sentences as JSON ([[English source, {parameters}]],
  labels among the parameters as codes), worded when shown (the UI language on screen, the shop's document
  language on a slip). Items made before keep '' and their ``verdict_text`` (what was said then), which is also
  what a search finds. No trigger guards aftersales_item (0011 guards its history, item_event, whose rows are not
  touched here), so nothing needs to be recreated.
- ``return_policy.fee_exempt``: the reason codes that pay no restocking fee (JSON list), editable per reason in the
  return policy. Existing policies get the default: the goods' faults (quality, wrong item, transit damage, not
  as described) as before, and now also an allergy or adverse reaction. Adding a column fires no trigger, so the
  owner-only triggers of 0010 on return_policy stay as they are (they guard every later change of it).
- The shop's document language (setting ``shop.document_language``) is open to all staff like the shop's name: it
  matches none of 0010's owner-only key patterns, so those triggers need no change.

Frozen SQL (see 0001).
"""

SCHEMA = [
    'ALTER TABLE "aftersales_item" ADD COLUMN "verdict_reasons" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "return_policy" ADD COLUMN "fee_exempt" TEXT NOT NULL '
    'DEFAULT \'["allergy", "not_as_described", "quality", "transit_damage", "wrong_item"]\'',
]


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
