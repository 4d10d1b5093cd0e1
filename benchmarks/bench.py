"""Speed and memory on a big shop — outside the test suite.

    shop-aftersales demo-data --scale busy --data-dir /tmp/busy      # five years of a busy shop, once
    python benchmarks/bench.py /tmp/busy                             # the table below, as Markdown
    python benchmarks/bench.py /tmp/busy --database postgresql://postgres@127.0.0.1/bench
        # the same cases on SQLite and on PostgreSQL side by side (the busy shop is copied into an empty
        # PostgreSQL database first, with copy-shop); each PostgreSQL figure within its target and within 2× SQLite's

Each case runs in its own process (so its peak memory is its own and caches are cold for the start-up case):
the time is the median of several runs after one warm-up, except for start-up and the export (one run each).
For the main list queries, "×raw" is the time through our code (peewee query building, paging, conversion)
divided by the same SQL run with the standard library's sqlite3: the ORM's overhead.

Targets on a 2-core machine: start < 2 s, a search < 50 ms, any tab's list < 300 ms, the yearly export < 10 s
and < 300 MB, ×raw < 3.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = {"start": 2000, "search": 50, "list": 300, "report": 300, "export": 10_000,
             "chart": 1000}  # the first chart of a session, drawn after its tab is already on screen
RUNS = 5


def peak_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, runs: int = RUNS) -> float:
    fn()  # warm-up: the first run pays for imports and SQLite's page cache
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def open_db(data_dir: Path) -> None:
    from shop_aftersales.models.database import open_database

    open_database(data_dir)


def raw_ratio(data_dir: Path, query, fetch) -> tuple[float, float]:
    """(ms through our code, ms of the same SQL in the raw driver: sqlite3, or psycopg on PostgreSQL)."""
    ours = timed(fetch)
    sql, params = query.sql()
    url = os.environ.get("SHOP_AFTERSALES_DATABASE")
    if url:
        import psycopg

        conn = psycopg.connect(url)
        raw = timed(lambda: conn.execute(sql, params).fetchall())
    else:
        conn = sqlite3.connect(data_dir / "shop.sqlite3")
        raw = timed(lambda: conn.execute(sql, params).fetchall())
    conn.close()
    return ours, raw


# ------------------------------------------------------------------ cases (each in its own process)

def case_start(data_dir: Path) -> dict:
    began = float(os.environ["BENCH_T0"])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shop_aftersales.app import open_shop

    app = QApplication(sys.argv[:1])
    window = open_shop(data_dir)
    window.show()
    app.processEvents()
    ms = (time.time() - began) * 1000
    window.close()  # as the shop owner does at night (the daily backup runs here)
    from shop_aftersales.models.database import close_database

    close_database()  # what run_gui does after the event loop: a clean close
    return {"ms": ms, "kind": "start"}


def case_search(data_dir: Path) -> dict:
    open_db(data_dir)
    from shop_aftersales.models import AftersalesItem, Customer, SaleLine
    from shop_aftersales.services.search import search

    serial = SaleLine.select(SaleLine.serial).where(SaleLine.serial.is_null(False)).order_by(SaleLine.id.desc()).scalar()
    phone = Customer.select(Customer.phone).order_by(Customer.id.desc()).scalar()
    code = AftersalesItem.select(AftersalesItem.code).order_by(AftersalesItem.id).scalar()
    out = {}
    for what, text in (("serial", serial), ("phone", phone), ("item code", code)):
        if not text:  # a shop without such data: nothing to search for
            continue
        out[f"search by {what}"] = {"ms": timed(lambda: search(text)), "kind": "search"}
    return out


def case_lists(data_dir: Path) -> dict:
    open_db(data_dir)
    from shop_aftersales.services import lists, repair_lists, resale_lists, stock

    out = {}
    for name, source in (("stock by zone", stock.StockOverview()), ("inspection queue", lists.InspectionQueue()),
                         ("return orders", lists.ReturnOrders()), ("supplier returns", lists.SupplierReturnList()),
                         ("repair progress", repair_lists.RepairProgress()),
                         ("ready for pickup", repair_lists.ReadyForPickup()), ("QC queue", resale_lists.QCQueue()),
                         ("resale shelf", resale_lists.ShelfList()), ("resale sold", resale_lists.SoldList())):
        total = source.count()
        last = max(total - 100, 0)
        first_ms = timed(lambda: (source.count(), source.fetch(0, 100)))
        query = source.query().order_by(source.columns[0].expr, source.id_field).offset(last).limit(100)
        end_ms, raw_ms = raw_ratio(data_dir, query, lambda: source.fetch(last, 100))
        out[name] = {"ms": first_ms, "end_ms": end_ms, "ratio": end_ms / raw_ms if raw_ms else None,
                     "rows": total, "kind": "list"}
    from shop_aftersales.services import queues

    out["today (all queues)"] = {"ms": timed(queues.queues), "kind": "list"}
    return out


def _open_reports(data_dir: Path, warm: bool):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shop_aftersales.app import open_shop

    app = QApplication(sys.argv[:1])
    window = open_shop(data_dir)
    window.show()
    app.processEvents()
    if warm:  # as run_gui does: the chart library loads once the window has sat idle for a few seconds
        window.warm_up_later(0)
        app.processEvents()
    tab = window.reports_tab
    began = time.perf_counter()
    window.tabs.setCurrentWidget(tab)  # first show: the product filter fills, the current month is computed
    tab.repaint()  # painted with its headline and table (before the event loop's next turn)
    shown = (time.perf_counter() - began) * 1000
    app.processEvents()
    return app, window, tab, shown, (time.perf_counter() - began) * 1000


def case_reports_at_once(data_dir: Path) -> dict:
    """The Reports tab opened right after start, before the idle warm-up: the tab shows its headline and table
    first, and the chart follows once pyqtgraph is imported."""
    _app, _window, tab, shown, drawn = _open_reports(data_dir, warm=False)
    assert tab.over_time.chart is not None
    return {"reports tab, first shown right after start": {"ms": shown, "kind": "report"},
            "… and its chart drawn (imports pyqtgraph)": {"ms": drawn, "kind": "chart"}}


def case_reports(data_dir: Path) -> dict:
    """The real Reports tab on the last 12 months: the headline with the page in view, then each page as it is
    opened (query, table and chart), and the choices that make a page heavier (rates by product or batch)."""
    app, window, tab, _shown, ms = _open_reports(data_dir, warm=True)
    out = {"reports tab, first shown": {"ms": ms, "kind": "report"}}
    tab.preset.setCurrentIndex(tab.preset.findData("last_12"))

    def show():
        tab.refresh()
        app.processEvents()

    out["reports: last 12 months (headline + page in view)"] = {"ms": timed(show, runs=3), "kind": "report"}
    pages = [(tab.pages.tabText(i), tab.pages.widget(i), None) for i in range(tab.pages.count())]
    pages += [(tab.pages.tabText(tab.pages.indexOf(tab.rates)) + f" by {by}", tab.rates, by)
              for by in ("product", "batch")]
    for title, page, by in pages:
        if by is not None:
            page.by.blockSignals(True)
            page.by.setCurrentIndex(page.by.findData(by))
            page.by.blockSignals(False)

        def open_page(page=page):
            tab._show_page(page, again=True)
            app.processEvents()

        out[f"reports page: {title}"] = {"ms": timed(open_page, runs=3), "kind": "report"}
    return out


def case_count(data_dir: Path) -> dict:
    """A stocktake of the sellable zone (every line of it), on a copy of the shop: the count screen opening,
    a typed quantity and a scan each saved and shown, and posting the count."""
    import shutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="bench-count-"))
    url = os.environ.get("SHOP_AFTERSALES_DATABASE")
    if url:  # a copy of the PostgreSQL shop: a database made from it as a template
        from shop_aftersales.models import postgres

        address = postgres.parse(url)
        copy = address.database + "_count"
        postgres.drop_database(url, copy)
        postgres.create_database(url, copy, template=address.database)
        os.environ["SHOP_AFTERSALES_DATABASE"] = address.with_database(copy).url
    else:
        shutil.copy(data_dir / "shop.sqlite3", folder / "shop.sqlite3")
    open_db(folder)
    from shop_aftersales.models import StockCountLine
    from shop_aftersales.services import stock_count
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.stock_count_dialog import StockCountDialog

    app = QApplication(sys.argv[:1])
    count_id = stock_count.start_count(["sellable"]).ids[0]
    out = {}
    began = time.perf_counter()
    dialog = StockCountDialog(AppContext(folder), None)
    dialog.show()
    app.processEvents()
    rows = dialog.model.rowCount()
    out["stock count: the screen opens"] = {"ms": (time.perf_counter() - began) * 1000, "kind": "list", "rows": rows}
    lines = [row for row in dialog.model.rows if not row[6]]
    units = [row for row in dialog.model.rows if row[6]]

    def typed(row=lines[len(lines) // 2]):
        stock_count.set_counted(count_id, row[0], row[7])
        dialog._refresh_lines((row[0],))
        app.processEvents()

    def scanned(row=(units or lines)[-1]):
        stock_count.scan(count_id, row[6] or row[3])
        dialog._refresh_lines((row[0],), show=True)
        app.processEvents()

    out["stock count: a typed quantity saved and shown"] = {"ms": timed(typed), "kind": "list", "rows": rows}
    out["stock count: a scan saved and shown"] = {"ms": timed(scanned), "kind": "list", "rows": rows}
    StockCountLine.update(counted=StockCountLine.expected).where(StockCountLine.count == count_id).execute()
    short = [row[0] for row in lines[::100]]  # one line in a hundred is one short
    StockCountLine.update(counted=StockCountLine.expected - 1).where(StockCountLine.id.in_(short)).execute()
    began = time.perf_counter()
    stock_count.post(count_id, "benchmark")
    out[f"stock count: posted ({len(short)} adjustments)"] = {"ms": (time.perf_counter() - began) * 1000,
                                                               "kind": "export", "rows": rows}
    dialog.close()
    shutil.rmtree(folder, ignore_errors=True)
    if url:
        from shop_aftersales.models.database import close_database

        close_database()
        postgres.drop_database(url, copy)
    return out


def case_export(data_dir: Path) -> dict:
    open_db(data_dir)
    from shop_aftersales.clock import today
    from shop_aftersales.reports import analytics
    from shop_aftersales.reports.accounting import export_workbook

    period = analytics.Period(today() - dt.timedelta(days=365), today())
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        export_workbook(Path(folder) / "year.xlsx", period)
        ms = (time.perf_counter() - began) * 1000
    return {"yearly Excel export": {"ms": ms, "kind": "export"}}


def case_start_checked(data_dir: Path) -> dict:
    """The slow start: as after a crash, a copy or a week without a check, SQLite's quick_check reads the whole
    file (the marker of the app's last clean close is taken away; the next start puts one back)."""
    (data_dir / "shop.sqlite3.closed").unlink(missing_ok=True)  # (PostgreSQL checks its own pages: no such check)
    return case_start(data_dir)


CASES = {"start with the full check": case_start_checked, "start after a clean close": case_start,
         "search": case_search, "lists": case_lists, "reports": case_reports,
         "reports at once": case_reports_at_once, "count": case_count, "export": case_export}


def run_case(name: str, data_dir: Path, url: str | None = None) -> dict:
    """The case's rows; a case that fails is reported as such (with its last words) and the others still run.
    *url*: the shop is the PostgreSQL database there (the data folder still holds this PC's logs and backups)."""
    env = dict(os.environ, BENCH_T0=repr(time.time()), QT_QPA_PLATFORM="offscreen")  # the clock starts here
    env.pop("SHOP_AFTERSALES_DATABASE", None)
    if url:
        env["SHOP_AFTERSALES_DATABASE"] = url
    done = subprocess.run([sys.executable, __file__, "--case", name, str(data_dir)], env=env, capture_output=True,
                          text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {name: {"failed": f"exit {done.returncode}: {last}"}}
    return json.loads(lines[-1])


def _cell(row: dict | None) -> str:
    if row is None:
        return ""
    if "failed" in row:
        return f"✗ {row['failed']}"
    return f"{row['ms']:.0f}" + ("" if row["ms"] <= TARGET_MS[row["kind"]] else " ✗")


def fill_postgres(data_dir: Path, url: str) -> None:
    """Copy the busy SQLite shop into the PostgreSQL database at *url* when that database holds no shop yet."""
    from shop_aftersales.models.postgres import display
    from shop_aftersales.services import copy_shop

    target = copy_shop.where(url)
    if not copy_shop._has_shop(target):
        print(f"Copying {data_dir} into {display(url)} (copy-shop) …", file=sys.stderr, flush=True)
        began = time.perf_counter()
        report = copy_shop.copy_shop(copy_shop.where(data_dir), target)
        print(f"… copied in {time.perf_counter() - began:.0f} s; sound: {report.sound}", file=sys.stderr, flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--case":
        result = CASES[sys.argv[2]](Path(sys.argv[3]))
        if "ms" in result:
            result = {f"{sys.argv[2]}: to a usable main window": result}
        mb = peak_mb()
        for row in result.values():
            row["peak_mb"] = mb
        print(json.dumps(result))
        os._exit(0)  # the start-up case leaves a window open
    args = sys.argv[1:]
    url = None
    if "--database" in args:
        at = args.index("--database")
        url = args[at + 1] if at + 1 < len(args) else None
        del args[at:at + 2]
    if len(args) != 1 or not (Path(args[0]) / "shop.sqlite3").is_file() or (url is not None and not url):
        sys.exit("usage: python benchmarks/bench.py DATA_DIR [--database postgresql://…]   (a shop made by: "
                 "shop-aftersales demo-data --scale busy --data-dir DATA_DIR)")
    data_dir = Path(args[0])
    cpu = platform.processor() or platform.machine()
    print(f"Machine: {platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; data: {data_dir}")
    print()
    if url:
        from shop_aftersales.models.postgres import display

        fill_postgres(data_dir, url)
        print(f"PostgreSQL: {display(url)}")
        print()
        print("| What | SQLite ms | PostgreSQL ms | target | PostgreSQL ÷ SQLite | ×raw psycopg | rows |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    else:
        print("| What | ms | target | to the end (ms) | ×raw sqlite3 | rows | peak MB |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    failed = False
    for name in CASES:
        if url:
            lite, pg = run_case(name, data_dir), run_case(name, data_dir, url)
            for what in dict.fromkeys([*lite, *pg]):
                a, b = lite.get(what), pg.get(what)
                ok = a is not None and b is not None and "failed" not in a and "failed" not in b
                factor = b["ms"] / a["ms"] if ok and a["ms"] else None
                slow = factor is not None and factor > 2 and b["ms"] > 20  # a few ms either way is noise
                failed |= not ok or slow or b["ms"] > TARGET_MS[b["kind"]]
                ratio = f"{b['ratio']:.1f}" if ok and b.get("ratio") and b.get("rows") else ""
                shown = f"{factor:.2f}" + (" ✗" if slow else "") if factor is not None else ""
                target = TARGET_MS[(b or a)["kind"]] if "kind" in (b or a) else ""
                print(f"| {what} | {_cell(a)} | {_cell(b)} | {target} | {shown} | {ratio} | "
                      f"{(b or {}).get('rows', '')} |", flush=True)
            continue
        for what, row in run_case(name, data_dir).items():
            if "failed" in row:
                print(f"| {what} | ✗ {row['failed']} |  |  |  |  |  |", flush=True)
                failed = True
                continue
            target = TARGET_MS[row["kind"]]
            mark = "" if row["ms"] <= target else " ✗"
            ratio = f"{row['ratio']:.1f}" if row.get("ratio") and row.get("rows") else ""  # empty: all overhead
            end = f"{row['end_ms']:.0f}" if row.get("end_ms") is not None else ""
            mb = f"{row['peak_mb']:.0f}" if row.get("peak_mb") else ""
            print(f"| {what} | {row['ms']:.0f}{mark} | {target} | {end} | {ratio} | {row.get('rows', '')} | {mb} |",
                  flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
