"""One PC of a race (tests/test_concurrency.py): a process of its own that opens the shop in PostgreSQL once and
then runs the business steps the test sends it, one JSON line each, on its own connection.

    python tests/racer.py URL MOMENT

For each step the test sends the command (one JSON object), the racer loads what it needs and answers
``{"ready": true}``; it then waits for the line ``go``, which the test writes to every racer at once (a barrier:
nobody fires before everybody is ready), runs the step and answers with what happened: ``{"ok": true, ...}``, or
``{"ok": false, "source": ..., "message": ...}`` for the app's refusal (a DomainError), or ``{"crash": ...}``.
``{"op": "quit"}`` ends it. *MOMENT* is the app clock's frozen moment (the test's TEST_NOW).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback


def _steps():
    from shop_aftersales.models import AftersalesItem, Staff
    from shop_aftersales.services import items, resolutions
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    def exchange(cmd):
        staff = Staff.get_by_id(cmd["staff"])
        return lambda: {"reference": resolutions.exchange(cmd["item"], staff).reference}

    def register(cmd):
        staff = Staff.get_by_id(cmd["staff"])
        request = ReturnRequest(lines=[ReturnLine(cmd["product"], 1, "quality", "used", "refund",
                                                  sale_line_id=cmd["line"])], sale_id=cmd["sale"])

        def run():
            changes = register_return(request, staff)
            codes = [i.code for i in AftersalesItem.select().where(AftersalesItem.id.in_(changes.ids))]
            return {"reference": changes.reference, "codes": codes}
        return run

    def inspect(cmd):
        staff = Staff.get_by_id(cmd["staff"])
        return lambda: (items.inspect(cmd["item"], "检测结论", cmd["target"], staff), {})[1]

    return {"exchange": exchange, "register": register, "inspect": inspect}


def main(url: str, moment: str) -> None:
    from shop_aftersales import clock
    from shop_aftersales.errors import DomainError
    from shop_aftersales.models.database import close_database, open_postgres_url
    from shop_aftersales.services import base

    out = sys.stdout

    def say(answer: dict) -> None:
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()

    with clock.frozen(dt.datetime.fromisoformat(moment)):
        open_postgres_url(url)  # once: every round runs on this one connection
        steps = _steps()
        say({"started": True})
        while line := sys.stdin.readline():
            cmd = json.loads(line)
            if cmd["op"] == "quit":
                break
            try:
                run = steps[cmd["op"]](cmd)
            except Exception:
                say({"crash": traceback.format_exc()})
                continue
            say({"ready": True})
            if sys.stdin.readline().strip() != "go":
                break
            before = base.lost_races()
            try:
                answer = {"ok": True, **run()}
            except DomainError as refused:
                answer = {"ok": False, "source": refused.source, "message": refused.message()}
            except Exception:
                answer = {"crash": traceback.format_exc()}
            say({**answer, "lost_races": base.lost_races() - before})
        close_database()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
