"""Import the shop's existing data from .xlsx, as its POS or 进销存 system exports it.

One sheet, one header row in Chinese or English, one record per row. An import is all or
nothing: every row is read and checked first, and a file with any problem writes nothing and
reports every problem (row, column, what is wrong). Only a clean file is written, in one
transaction. The GUI and the CLI call the same functions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
import unicodedata
from decimal import Decimal
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import (Category, Customer, ImportLog, Location, Product, Sale, SaleLine, StockMove,
                      Supplier)
from ..models.stock import ADJUSTMENT, INTERNAL
from .base import Cancelled, Changes, Progress, business_step
# the vocabulary of imports (cells and problems) and the reading of untrusted files, re-exported from here
from .import_cells import (DAMAGED, CellError, ImportFailed, Problem, code, date, price, quantity, text, words,
                           yes_no)
from .import_cells import problem as _p
from .import_files import SheetDamaged, column_name, first_visible_sheet, open_workbook, refused, sheet_rows
from .ledger import MoveRequest, move, serial_location
from .numbering import next_number
from .salespeople import NameChoice, UnknownSalespeople, name_key
from .salespeople import apply as apply_salespeople
from .salespeople import resolve as resolve_salespeople

log = logging.getLogger(__name__)
# openpyxl warns about what it leaves out of a file it reads (extensions, a date it cannot show): nothing for a user
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")

MAX_ROWS = 200_000
CHUNK = 500


@dataclass(frozen=True)
class Field:
    key: str
    zh: str
    en: str
    parse: Callable[[object], object] = words
    required: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""  # what goes in the column (English source, context Domain): the template's notes sheet

    def names(self) -> set[str]:
        return {_norm(n) for n in (self.zh, self.en, *self.aliases)}


_NAMES: dict[Field, frozenset[str]] = {}


def _names(f: Field) -> frozenset[str]:
    """:meth:`Field.names`, worked out once (a header row may have 16 384 columns)."""
    found = _NAMES.get(f)
    if found is None:
        found = _NAMES[f] = frozenset(f.names())
    return found


def _norm(header: object) -> str:
    raw = unicodedata.normalize("NFKC", text(header)).lower()
    raw = re.sub(r"[（(].*?[)）]", "", raw)  # "单价(元)" -> "单价"
    return re.sub(r"[\s*＊:：_\-]", "", raw)


@dataclass(frozen=True)
class Spec:
    kind: str
    title: str  # English source, context Domain
    fields: tuple[Field, ...]
    example: tuple[object, ...] = ()

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


SKU = Field("sku", "商品编码", "SKU", code, required=True,
            aliases=("编码", "货号", "商品代码", "product code", "code", "item code"),
            note=QT_TRANSLATE_NOOP("Domain", "The product's code in your till system, exactly as written there "
                                             "(leading zeros count)."))
_NAME_NOTE = QT_TRANSLATE_NOOP("Domain", "The product's name as the customer knows it.")
_MODEL_NOTE = QT_TRANSLATE_NOOP("Domain", "Model, size or colour.")
_SUPPLIER_NOTE = QT_TRANSLATE_NOOP("Domain", "Who the shop buys it from; a new name creates the supplier.")
_SERIAL_NOTE = QT_TRANSLATE_NOOP("Domain", "Serial number or IMEI of the unit, exactly as on the unit; only for "
                                           "products tracked by serial number (one row per unit).")

PRODUCTS = Spec("products", QT_TRANSLATE_NOOP("Domain", "Products"), (
    SKU,
    Field("barcode", "条码", "Barcode", code, aliases=("条形码", "ean"),
          note=QT_TRANSLATE_NOOP("Domain", "The barcode printed on the pack (EAN-13 or the shop's own); a scan finds "
                                           "the product by it.")),
    Field("name", "商品名称", "Name", required=True, aliases=("名称", "品名", "product", "product name"),
          note=_NAME_NOTE),
    Field("model", "型号", "Model", aliases=("规格", "型号规格", "spec"), note=_MODEL_NOTE),
    Field("category", "分类", "Category", aliases=("类别", "品类"),
          note=QT_TRANSLATE_NOOP("Domain", "The category the return policy and the reports group it by; a new name "
                                           "creates the category.")),
    Field("brand", "品牌", "Brand", note=QT_TRANSLATE_NOOP("Domain", "The brand.")),
    Field("supplier", "供应商", "Supplier", aliases=("厂商",), note=_SUPPLIER_NOTE),
    Field("list_price", "售价", "List price", price, aliases=("零售价", "标价", "price"),
          note=QT_TRANSLATE_NOOP("Domain", "The price of a new unit in yuan.")),
    Field("cost", "成本", "Cost", price, aliases=("成本价", "进价", "cost price"),
          note=QT_TRANSLATE_NOOP("Domain", "What the shop pays for a unit, in yuan.")),
    Field("serialised", "序列号管理", "Serialised", yes_no, aliases=("串号管理", "按序列号", "serialized"),
          note=QT_TRANSLATE_NOOP("Domain", "Whether each unit is tracked by its own serial number (phones, "
                                           "appliances); empty means no.")),
), ("SJ-1001", "6901234567890", "智能手机 X1", "8+256G 黑色", "手机", "星河", "深圳星河电子", Decimal("2999.00"),
    Decimal("2100.00"), "是"))

SALES = Spec("sales", QT_TRANSLATE_NOOP("Domain", "Sales"), (
    Field("receipt", "单号", "Receipt no", code, required=True,
          aliases=("小票号", "销售单号", "单据号", "receipt", "receipt number"),
          note=QT_TRANSLATE_NOOP("Domain", "The receipt number as printed on the receipt; one row per line of the "
                                           "receipt, the same number on each.")),
    Field("date", "日期", "Date", date, required=True, aliases=("销售日期", "下单日期", "sale date"),
          note=QT_TRANSLATE_NOOP("Domain", "The day of the sale, optionally with the time.")),
    Field("customer", "客户", "Customer", aliases=("顾客", "客户名称", "会员", "customer name"),
          note=QT_TRANSLATE_NOOP("Domain", "The customer's name.")),
    Field("phone", "电话", "Phone", code, aliases=("手机", "手机号", "联系电话", "mobile"),
          note=QT_TRANSLATE_NOOP("Domain", "The customer's phone number; customers are matched by it.")),
    SKU,
    Field("name", "商品名称", "Name", aliases=("名称", "品名", "product", "product name"), note=_NAME_NOTE),
    Field("model", "型号", "Model", aliases=("规格", "spec"), note=_MODEL_NOTE),
    Field("serial", "序列号", "Serial", code, aliases=("串号", "sn", "imei", "serial number"), note=_SERIAL_NOTE),
    Field("quantity", "数量", "Quantity", quantity, required=True, aliases=("qty",),
          note=QT_TRANSLATE_NOOP("Domain", "How many units were sold on this line (1 for a line with a serial).")),
    Field("unit_price", "单价", "Unit price", price, required=True, aliases=("售价", "price"),
          note=QT_TRANSLATE_NOOP("Domain", "The price paid per unit, in yuan.")),
    Field("supplier", "供应商", "Supplier", aliases=("厂商",), note=_SUPPLIER_NOTE),
    Field("batch", "批次", "Batch", code, aliases=("批号", "lot", "batch no"),
          note=QT_TRANSLATE_NOOP("Domain", "The supplier's batch or lot; return rates are reported per batch.")),
    Field("salesperson", "销售员", "Salesperson", aliases=("营业员", "导购", "sales person", "staff"),
          note=QT_TRANSLATE_NOOP("Domain", "Who sold it, as the staff member's name in the app (the same on every "
                                           "line of a receipt); return rates are reported per salesperson. A name "
                                           "that is no staff member's stops the import until it is created or "
                                           "mapped to one in the app.")),
), ("XS20260318-001", dt.date(2026, 3, 18), "王芳", "13800138000", "SJ-1001", "智能手机 X1", "8+256G 黑色",
    "SN0001", 1, Decimal("2999.00"), "深圳星河电子", "B2603", "李娜"))

OPENING = Spec("opening", QT_TRANSLATE_NOOP("Domain", "Opening stock"), (
    SKU,
    Field("zone", "库区", "Zone", required=True, aliases=("区域", "仓位", "location"),
          note=QT_TRANSLATE_NOOP("Domain", "The stock zone the units are in; choose it from the list.")),
    Field("quantity", "数量", "Quantity", quantity, required=True, aliases=("qty", "库存"),
          note=QT_TRANSLATE_NOOP("Domain", "How many units are there (1 for a row with a serial).")),
    Field("serial", "序列号", "Serial", code, aliases=("串号", "sn", "imei"), note=_SERIAL_NOTE),
), ("SJ-1001", "可销售库存", 1, "SN0100"))

SPECS = {s.kind: s for s in (PRODUCTS, SALES, OPENING)}
OPENING_NOTE = QT_TRANSLATE_NOOP("Domain", "Opening stock")


# ---------------------------------------------------------------- reading

HEADER_SEARCH_ROWS = 20  # a POS export may put a title, a period, empty rows above its header

# The mark on a template's example row. Part of the file format, like the header names: fixed words in both
# languages (not translated), so a template saved in Chinese is recognised by an app running in English.
EXAMPLE_MARK = {"zh": "示例：请删除或改写本行", "en": "Example — delete or overwrite"}
EXAMPLE_MARK_HEADER = {"zh": "备注", "en": "Notes"}
_EXAMPLE_MARKS = {_norm(m) for m in EXAMPLE_MARK.values()}


@dataclass
class Row:
    number: int
    values: dict[str, object]


@dataclass
class Sheet:
    rows: list[Row]
    headers: dict[str, str]  # field key -> header as written in the file
    problems: list[Problem] = field(default_factory=list)
    header_row: int = 1      # the sheet row the header was found on
    example_rows: list[int] = field(default_factory=list)  # the template's untouched example rows, left out

    def notes(self) -> tuple[str, ...]:
        """What the import says besides its counts: the example row it left out."""
        if not self.example_rows:
            return ()
        return (translate("Domain", QT_TRANSLATE_NOOP("Domain", "Row {row} is still the template's example and was "
                                                      "left out.")).format(
            row=", ".join(str(r) for r in self.example_rows)),)


def _header_match(values: Iterable[object], spec: Spec) -> tuple[dict[str, int], dict[str, str]]:
    """Which of *spec*'s fields this row names: field key -> column index, and -> the header as written."""
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, header in enumerate(values):
        norm = _norm(header)
        if not norm:
            continue
        for f in spec.fields:
            if norm in _names(f) and f.key not in positions:
                positions[f.key] = index
                headers[f.key] = text(header)
                break
    return positions, headers


def find_header(first_rows: list[tuple], spec: Spec) -> int | None:
    """The index (0-based) among *first_rows* of the header row: the row naming the most of *spec*'s
    required columns, then the most columns overall; the first such row on a tie. None if no row names any.
    A title above the header (merged over the columns or not), a period line or empty rows are passed over."""
    best, best_score = None, (0, 0)
    for index, values in enumerate(first_rows):
        positions, _headers = _header_match(values, spec)
        score = (sum(1 for f in spec.fields if f.required and f.key in positions), len(positions))
        if score > best_score:
            best, best_score = index, score
    return best


def _is_example(values: Iterable[object]) -> bool:
    return any(isinstance(v, str) and ("示例" in v or "example" in v.lower()) and _norm(v) in _EXAMPLE_MARKS
               for v in values)


def _example_values(spec: Spec) -> dict[str, object]:
    parsed = {}
    for f, value in zip(spec.fields, spec.example):
        try:
            parsed[f.key] = f.parse(value) if text(value) != "" else (None if f.parse is not words else "")
        except CellError:
            parsed[f.key] = None
    return parsed


def _is_untouched_example(values: dict[str, object], spec: Spec) -> bool:
    """The row still holds the template's own example (in either language): nothing the user wrote is in it."""
    example = _example_values(spec)
    zones = {_norm(z) for names in _ZONE_ZH.values() for z in names} | {_norm(n) for _c, n in _internal_zones()}
    for key, value in values.items():
        if key == "zone" and value is not None and _norm(value) in zones:
            continue  # the example zone, written in the template's language
        if example.get(key) != value:
            return False
    return True


def read_sheet(path: Path, spec: Spec, progress: Progress | None = None) -> Sheet:
    """Read and check the first visible sheet of *path* against *spec*. Whatever is wrong with the file (it is no
    workbook, it is damaged or forged, a cell cannot be read) is an :class:`ImportFailed` naming the file, and
    the row and column where known: nothing the file holds ends as a traceback."""
    path = Path(path)
    wb = ws = None
    at = [0]  # the sheet row being read, for a refusal that has nothing better to say
    try:
        wb, rows = open_workbook(path)
        ws = first_visible_sheet(wb, path)
        count = rows.get(str(ws._worksheet_path).lstrip("/"), 0)
        if count > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} has {count} rows on its sheet '{sheet}'; one import "
                                                   "takes at most {max} rows. Split it into smaller files."),
                           name=path.name, count=count, sheet=ws.title, max=MAX_ROWS)
        return _read_rows(wb, ws, path, spec, progress, at)
    except (DomainError, Cancelled):
        raise
    except SheetDamaged as exc:
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "The sheet '{sheet}' of {name} is damaged after row {row} and "
                                               "cannot be read: {what}."),
                       sheet=getattr(ws, "title", ""), name=path.name, row=exc.after_row, what=translate("Domain", exc.what)) from None
    except Exception as exc:  # noqa: BLE001 - zipfile, lxml, expat, openpyxl: whatever a damaged file makes them raise
        log.info("%s refused: %r", path, exc, exc_info=True)
        if at[0]:
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "The sheet of {name} is damaged near row {row} and cannot "
                                                   "be read ({reason})."),
                           name=path.name, row=at[0], reason=type(exc).__name__) from None
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} cannot be read as an Excel workbook ({reason})."),
                       name=path.name, reason=type(exc).__name__) from None
    finally:
        if wb is not None:
            try:
                wb.close()
            except Exception:  # noqa: BLE001 - closing a damaged archive
                pass


def _dense(values: dict[int, object]) -> tuple:
    row = [None] * (max(values) if values else 0)
    for column, value in values.items():
        row[column - 1] = value
    return tuple(row)


def _duplicate_columns(values: tuple, spec: Spec) -> list[tuple[int, int, Field]]:
    """(column index, index of the column before it, field) for each column naming a field an earlier one names."""
    first: dict[str, int] = {}
    found = []
    for index, header in enumerate(values):
        norm = _norm(header)
        if not norm:
            continue
        for f in spec.fields:
            if norm in _names(f):
                if f.key in first:
                    found.append((index, first[f.key], f))
                else:
                    first[f.key] = index
                break
    return found


def _read_rows(wb, ws, path: Path, spec: Spec, progress: Progress | None, at: list[int]) -> Sheet:
    rows = iter(sheet_rows(wb, ws))
    first: dict[int, dict[int, object]] = {}
    damaged: list[tuple[int, int | None, str, str, dict]] = []
    pending = None
    for number, values, bad in rows:
        at[0] = number
        damaged += [(number, *d) for d in bad]
        if number > HEADER_SEARCH_ROWS:
            pending = (number, values)
            break
        first[number] = values
    first_rows = [_dense(first.get(n, {})) for n in range(1, HEADER_SEARCH_ROWS + 1)]
    found = find_header(first_rows, spec)
    labels = {i + 1: text(v) for i, v in enumerate(first_rows[found]) if text(v)} if found is not None else {}

    def damage() -> list[Problem]:
        return [_p(row, labels.get(column, "") if column else "", source, **params) if column and column in labels
                else _p(row, letters, source, **params)
                for row, column, letters, source, params in damaged]

    if found is None:
        if damaged:
            raise ImportFailed(damage(), file=path.name)
        if pending is None and not any(text(v) for values in first.values() for v in values.values()):
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "The first sheet is empty: there is no header row."))
        names = ", ".join(f"{f.zh} ({f.en})" for f in spec.fields if f.required)
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "No header row was found in the first {rows} rows "
                                               "of the first sheet: a row naming the columns, such as "
                                               "{names}."), rows=HEADER_SEARCH_ROWS, names=names)
    header_no = found + 1
    positions, headers = _header_match(first_rows[found], spec)
    problems = [_p(header_no, text(first_rows[found][index]), QT_TRANSLATE_NOOP(
        "Domain", "This column and column {other} ('{other_name}') are both read as {field}: keep one of them."),
        other=column_name(other + 1), other_name=text(first_rows[found][other]), field=f"{f.zh} ({f.en})")
        for index, other, f in _duplicate_columns(first_rows[found], spec)]
    problems += [_p(header_no, "", QT_TRANSLATE_NOOP("Domain", "The required column '{zh}' ({en}) is "
                                                     "missing from the header row."), zh=f.zh, en=f.en)
                 for f in spec.fields if f.required and f.key not in positions]
    if problems:
        raise ImportFailed(damage() + problems, file=path.name)
    sheet = Sheet([], headers, header_row=header_no)
    marked_problems: list[Problem] = []
    columns = [(f, positions[f.key] + 1 if f.key in positions else None) for f in spec.fields]

    def rest():
        for number, values, bad in rows:
            damaged.extend((number, *d) for d in bad)
            yield number, values

    data_rows = itertools.chain(((n, v) for n, v in sorted(first.items()) if n > header_no),
                                [pending] if pending else [], rest())
    seen = 0
    for number, values in data_rows:
        at[0] = number
        seen += 1
        if progress is not None and seen % 250 == 0:
            progress(number)
        if not any(text(v) for v in values.values()):
            continue
        if len(sheet.rows) >= MAX_ROWS:
            raise ImportFailed([_p(number, "", QT_TRANSLATE_NOOP("Domain", "The file has more than {max} rows; split it "
                                                                 "into smaller files."), max=MAX_ROWS)], file=path.name)
        parsed: dict[str, object] = {}
        row_problems: list[Problem] = []
        for f, column in columns:
            raw = values.get(column) if column is not None else None
            if raw is DAMAGED:  # reported as such
                parsed[f.key] = None
                continue
            if text(raw) == "":
                if f.required:
                    row_problems.append(_p(number, headers[f.key], QT_TRANSLATE_NOOP("Domain", "This cell must not be empty.")))
                parsed[f.key] = None if f.parse is not words else ""
                continue
            try:
                parsed[f.key] = f.parse(raw)
            except CellError as exc:
                row_problems.append(_p(number, headers[f.key], exc.source, **exc.params))
                parsed[f.key] = None
        if _is_example(values.values()):
            if not row_problems and _is_untouched_example(parsed, spec):
                sheet.example_rows.append(number)  # the template's own example: not the shop's data
                continue
            # marked as the example but changed: real data or not? Not ours to guess.
            marked_problems.append(_p(number, "", QT_TRANSLATE_NOOP(
                "Domain", "This row is still marked as the template's example but holds other values. If it is "
                          "real, delete the mark “{mark}”; if not, delete the row.",),
                mark=next(v for v in values.values() if isinstance(v, str) and _norm(v) in _EXAMPLE_MARKS).strip()))
        sheet.problems += row_problems
        sheet.rows.append(Row(number, parsed))
    sheet.problems += marked_problems + damage()
    sheet.problems.sort(key=lambda p: p.row)
    if not sheet.rows and not sheet.problems:
        if sheet.example_rows:
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "The file holds only the template's example "
                                                   "row: write your own rows over it or below it."))
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "The file has a header row but no data rows."))
    return sheet


# ---------------------------------------------------------------- template

def _internal_zones() -> list[tuple[str, str]]:
    """(code, English name) of the shop's stock zones, in their order (the standard ones: no database needed)."""
    from ..models.stock import STANDARD_LOCATIONS

    return [(code, name) for code, kind, name, _order in sorted(STANDARD_LOCATIONS, key=lambda loc: loc[3])
            if kind == INTERNAL]


def write_template(path: Path, kind: str, chinese: bool = True) -> Path:
    """Save an import template for *kind* (see :mod:`.import_templates`)."""
    from .import_templates import write_template as write

    return write(path, kind, chinese)


# ---------------------------------------------------------------- the three imports

def _products_by_sku(skus: Iterable[str]) -> dict[str, Product]:
    found: dict[str, Product] = {}
    skus = list(set(skus))
    for i in range(0, len(skus), CHUNK):
        for p in Product.select().where(Product.sku.in_(skus[i:i + CHUNK])):
            found[p.sku] = p
    return found


def _get_or_create(model, name: str, cache: dict):
    if not name:
        return None
    if name not in cache:
        cache[name], _created = model.get_or_create(name=name)
    return cache[name]


def _log(kind: str, path: Path, rows: int, created: int, skipped: int, staff) -> None:
    ImportLog.create(kind=kind, file_name=Path(path).name, rows=rows, created=created, skipped=skipped, staff=staff)


@business_step
def import_products(path: Path, staff=None, progress: Progress | None = None) -> Changes:
    sheet = read_sheet(path, PRODUCTS, progress)
    problems = sheet.problems
    seen: dict[str, int] = {}
    for row in sheet.rows:
        sku = row.values["sku"]
        if sku and sku in seen:
            problems.append(_p(row.number, sheet.headers["sku"], QT_TRANSLATE_NOOP("Domain", "SKU {sku} is already on row {other}."),
                               sku=sku, other=seen[sku]))
        elif sku:
            seen[sku] = row.number
    existing = _products_by_sku(seen)
    for row in sheet.rows:
        product = existing.get(row.values["sku"] or "")
        new_serialised = row.values.get("serialised")
        if product and new_serialised is not None and bool(new_serialised) != product.serialised:
            in_use = (StockMove.select().where(StockMove.product == product).exists()
                      or SaleLine.select().where(SaleLine.product == product).exists())
            if in_use:
                problems.append(_p(row.number, sheet.headers.get("serialised", ""),
                                   QT_TRANSLATE_NOOP("Domain", "{sku} already has sales or stock; whether it is tracked by "
                                               "serial number can no longer change."), sku=product.sku))
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row), file=Path(path).name)
    categories: dict = {}
    suppliers: dict = {}
    created = updated = 0
    for row in sheet.rows:
        v = row.values
        data = {
            "name": v["name"], "model": v.get("model") or "", "brand": v.get("brand") or "",
            "barcode": v.get("barcode") or None,
            "category": _get_or_create(Category, v.get("category") or "", categories),
            "supplier": _get_or_create(Supplier, v.get("supplier") or "", suppliers),
        }
        for key in ("list_price", "cost", "serialised"):
            if v.get(key) is not None:
                data[key] = v[key]
        product = existing.get(v["sku"])
        if product is None:
            Product.create(sku=v["sku"], **data)
            created += 1
        else:
            Product.update(**data).where(Product.id == product.id).execute()
            updated += 1
    _log("products", path, len(sheet.rows), created, updated, staff)
    return Changes(catalog=True, created=created, skipped=updated,
                   messages=(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{created} new product(s), {updated} updated.")).format(
                       created=created, updated=updated), *sheet.notes()))


@business_step
def import_sales(path: Path, staff=None, progress: Progress | None = None,
                 salespeople: Iterable[NameChoice] = (), remember: bool = True, approval=None) -> Changes:
    """The original sales. *salespeople*: what to do with the salesperson names that are no staff member's
    (services.salespeople: without a choice such a name refuses the file, :class:`UnknownSalespeople`);
    *remember*: keep the mappings chosen for the next imports; *approval*: the owner's, to create staff."""
    sheet = read_sheet(path, SALES, progress)
    problems = sheet.problems
    h = sheet.headers
    products = _products_by_sku(r.values["sku"] for r in sheet.rows if r.values["sku"])
    receipts: dict[str, list[Row]] = defaultdict(list)
    for row in sheet.rows:
        if row.values["receipt"]:
            receipts[row.values["receipt"]].append(row)
    existing_receipts = set()
    names = list(receipts)
    for i in range(0, len(names), CHUNK):
        existing_receipts |= {s.receipt_no for s in Sale.select(Sale.receipt_no)
                              .where(Sale.receipt_no.in_(names[i:i + CHUNK]))}

    serial_rows: dict[tuple[str, str], int] = {}
    seller_names: dict[str, tuple[str, list[int]]] = {}  # name_key -> (as first written, rows)
    receipt_seller: dict[str, tuple[str, int]] = {}  # receipt -> (its salesperson's name_key, the row naming it)
    for receipt, rows in receipts.items():
        first = rows[0]
        for row in rows:
            v = row.values
            # a receipt already imported is skipped whatever its salesperson: its name must not stop the import
            seller = name_key(v.get("salesperson") or "") if receipt not in existing_receipts else ""
            if seller:
                seller_names.setdefault(seller, (" ".join(v["salesperson"].split()), []))[1].append(row.number)
                named = receipt_seller.setdefault(receipt, (seller, row.number))
                if named[0] != seller:
                    problems.append(_p(row.number, h["salesperson"], QT_TRANSLATE_NOOP(
                        "Domain", "Receipt {receipt} has a different value here than on row {first}."),
                        receipt=receipt, first=named[1]))
            sku = v["sku"]
            product = products.get(sku) if sku else None
            if sku and product is None:
                problems.append(_p(row.number, h["sku"], QT_TRANSLATE_NOOP("Domain", "No product has the SKU {sku}. Import the "
                                                         "products first."), sku=sku))
            for key in ("date", "customer", "phone"):
                if row is not first and key in h and v[key] and first.values[key] and v[key] != first.values[key]:
                    problems.append(_p(row.number, h[key], QT_TRANSLATE_NOOP("Domain", "Receipt {receipt} has a different value "
                                                           "here than on row {first}."),
                                       receipt=receipt, first=first.number))
            serial = v.get("serial") or ""
            if serial and product is not None:
                if v["quantity"] not in (None, 1):
                    problems.append(_p(row.number, h["quantity"], QT_TRANSLATE_NOOP("Domain", "A line with a serial number is "
                                                                  "one unit: the quantity must be 1.")))
                key = (sku, serial)
                if key in serial_rows:
                    problems.append(_p(row.number, h["serial"], QT_TRANSLATE_NOOP("Domain", "Serial {serial} is sold twice: "
                                                                "also on row {other}."),
                                       serial=serial, other=serial_rows[key]))
                serial_rows[key] = row.number
    # a serial already sold on another receipt in the database
    if serial_rows:
        by_number = {r.number: r for r in sheet.rows}
        serials = list({s for _sku, s in serial_rows})
        for i in range(0, len(serials), CHUNK):
            query = (SaleLine.select(SaleLine.serial, Product.sku, Sale.receipt_no).join(Sale)
                     .switch(SaleLine).join(Product).where(SaleLine.serial.in_(serials[i:i + CHUNK])))
            for serial, sku, receipt in query.tuples():
                row_no = serial_rows.get((sku, serial))
                if row_no is not None and by_number[row_no].values["receipt"] != receipt:
                    problems.append(_p(row_no, h["serial"], QT_TRANSLATE_NOOP("Domain", "Serial {serial} was already sold on "
                                                              "receipt {receipt}."),
                                       serial=serial, receipt=receipt))
    sellers, seller_problems = resolve_salespeople(seller_names, salespeople, h.get("salesperson", ""))
    problems += seller_problems
    if sellers.unknown:
        raise UnknownSalespeople(sorted(problems, key=lambda p: p.row), sellers.unknown, file=Path(path).name)
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row), file=Path(path).name)
    seller_messages = apply_salespeople(sellers, staff, approval, remember)

    suppliers: dict = {}
    created = skipped = 0
    lines: list[dict] = []
    for receipt, rows in receipts.items():
        if receipt in existing_receipts:
            skipped += 1
            continue
        head = rows[0].values
        customer = _customer(head.get("customer") or "", head.get("phone") or "")
        seller = sellers.staff.get(receipt_seller.get(receipt, ("", 0))[0])
        sale = Sale.create(receipt_no=receipt, sold_at=head["date"], customer=customer, staff=seller, source="import")
        created += 1
        for line_no, row in enumerate(rows, start=1):
            v = row.values
            lines.append({
                "sale": sale.id, "line_no": line_no, "product": products[v["sku"]].id,
                "serial": v.get("serial") or None, "quantity": v["quantity"],
                "unit_price": v["unit_price"],
                "supplier": (_get_or_create(Supplier, v.get("supplier") or "", suppliers) or None),
                "batch": v.get("batch") or "",
            })
            if len(lines) >= CHUNK:
                SaleLine.insert_many(lines).execute()
                lines.clear()
    if lines:
        SaleLine.insert_many(lines).execute()
    _log("sales", path, len(sheet.rows), created, skipped, staff)
    messages = [translate("Domain", QT_TRANSLATE_NOOP("Domain", "{created} receipt(s) imported, {skipped} already "
                                                      "present and skipped.")).format(created=created, skipped=skipped)]
    skipped_receipts = sorted(r for r in receipts if r in existing_receipts)
    if skipped_receipts:
        messages.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Already imported, left as they were: {receipts}.")
                                  ).format(receipts=_some(skipped_receipts)))
        changed = _changed_receipts({r: receipts[r] for r in skipped_receipts}, products)
        if changed:
            messages.append(translate("Domain", QT_TRANSLATE_NOOP(
                "Domain", "In this file {receipts} differ from the receipts already imported under the same numbers "
                "(other products, quantities or prices). The imported receipts were not changed: check them in the "
                "till, and correct a mistake with a return.")).format(receipts=_some(changed)))
    return Changes(sales=True, people=True, created=created, skipped=skipped,
                   messages=(*messages, *seller_messages, *sheet.notes()))


def _some(names: list[str], shown: int = 8) -> str:
    """Document numbers for a message: the first few, then how many more."""
    sep = translate("Domain", QT_TRANSLATE_NOOP("Domain", ", "))
    text = sep.join(names[:shown])
    if len(names) > shown:
        text += translate("Domain", QT_TRANSLATE_NOOP("Domain", " and {count} more")).format(count=len(names) - shown)
    return text


def _changed_receipts(rows_by_receipt: dict[str, list[Row]], products: dict) -> list[str]:
    """The receipts of the file whose lines are not those already imported under the same number."""
    changed = []
    names = list(rows_by_receipt)
    for i in range(0, len(names), CHUNK):
        stored: dict[str, list] = defaultdict(list)
        query = (SaleLine.select(Sale.receipt_no, Product.sku, SaleLine.serial, SaleLine.quantity, SaleLine.unit_price)
                 .join(Sale).switch(SaleLine).join(Product).where(Sale.receipt_no.in_(names[i:i + CHUNK])))
        for receipt, sku, serial, qty, price in query.tuples():
            stored[receipt].append((sku, serial or None, qty, Decimal(price)))
        for receipt in names[i:i + CHUNK]:
            mine = sorted((r.values["sku"], r.values.get("serial") or None, r.values["quantity"],
                           Decimal(r.values["unit_price"])) for r in rows_by_receipt[receipt])
            if mine != sorted(stored[receipt]):
                changed.append(receipt)
    return changed


def _customer(name: str, phone: str):
    if not name and not phone:
        return None
    if phone:
        found = Customer.select().where(Customer.phone == phone).first()
    else:
        found = Customer.select().where((Customer.name == name) & (Customer.phone == "")).first()
    return found or Customer.create(name=name or phone, phone=phone)


def _zone_lookup() -> dict[str, Location]:
    lookup: dict[str, Location] = {}
    for loc in Location.select().where(Location.kind == INTERNAL):
        for name in (loc.code, loc.name, translate("Domain", loc.name), *_ZONE_ZH.get(loc.code, ())):
            if name:
                lookup[_norm(name)] = loc
    return lookup


# Chinese zone names accepted in files even when the app runs in English; the first is the template's.
_ZONE_ZH = {"sellable": ("可销售库存",), "inspection": ("待检测区",), "repairable": ("可维修区",),
            "in_repair": ("维修中",), "qc": ("待质检区", "质检"), "pickup": ("待取件",),
            "resale": ("特价区",), "supplier_return": ("待退供应商", "退供应商区"), "parts": ("配件库",)}


@business_step
def import_opening_stock(path: Path, staff=None, progress: Progress | None = None) -> Changes:
    sheet = read_sheet(path, OPENING, progress)
    problems = sheet.problems
    h = sheet.headers
    products = _products_by_sku(r.values["sku"] for r in sheet.rows if r.values["sku"])
    zones = _zone_lookup()
    adjustment = Location.get(Location.code == ADJUSTMENT)
    already = {(m.product_id, m.to_location_id) for m in StockMove.select(StockMove.product, StockMove.to_location)
               .where((StockMove.from_location == adjustment) & StockMove.reference.startswith("QC"))}
    serials: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        v = row.values
        product = products.get(v["sku"] or "")
        if v["sku"] and product is None:
            problems.append(_p(row.number, h["sku"], QT_TRANSLATE_NOOP("Domain", "No product has the SKU {sku}. Import the "
                                                       "products first."), sku=v["sku"]))
        zone = zones.get(_norm(v["zone"])) if v["zone"] else None
        if v["zone"] and zone is None:
            problems.append(_p(row.number, h["zone"], QT_TRANSLATE_NOOP("Domain", "'{zone}' is not a stock zone."), zone=v["zone"]))
        if product is None or zone is None:
            continue
        if (product.id, zone.id) in already:
            problems.append(_p(row.number, h["sku"], QT_TRANSLATE_NOOP("Domain", "{sku} already has opening stock in this zone."),
                               sku=product.sku))
        serial = v.get("serial") or ""
        if product.serialised:
            if not serial:
                problems.append(_p(row.number, h.get("serial", h["sku"]),
                                   QT_TRANSLATE_NOOP("Domain", "{sku} is tracked by serial number: one row per unit, with its serial."),
                                   sku=product.sku))
            elif v["quantity"] not in (None, 1):
                problems.append(_p(row.number, h["quantity"], QT_TRANSLATE_NOOP("Domain", "A line with a serial number is one unit: "
                                                                "the quantity must be 1.")))
            elif (product.sku, serial) in serials:
                problems.append(_p(row.number, h["serial"], QT_TRANSLATE_NOOP("Domain", "Serial {serial} is also on row {other}."),
                                   serial=serial, other=serials[(product.sku, serial)]))
            else:
                serials[(product.sku, serial)] = row.number
                if serial_location(product, serial) is not None:
                    problems.append(_p(row.number, h["serial"], QT_TRANSLATE_NOOP("Domain", "Unit {serial} is already in the "
                                                                  "ledger."), serial=serial))
        elif serial:
            problems.append(_p(row.number, h["serial"], QT_TRANSLATE_NOOP("Domain", "{sku} is not tracked by serial number; leave "
                                                          "the serial empty."), sku=product.sku))
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row), file=Path(path).name)
    reference = next_number("opening")
    for row in sheet.rows:
        v = row.values
        move(MoveRequest(product=products[v["sku"]], quantity=v["quantity"], source=adjustment,
                         target=zones[_norm(v["zone"])], serial=v.get("serial") or None, reference=reference,
                         note=OPENING_NOTE, staff=staff))
    _log("opening", path, len(sheet.rows), len(sheet.rows), 0, staff)
    return Changes(stock=True, created=len(sheet.rows),
                   messages=(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{count} opening stock line(s) posted as {reference}.")).format(
                       count=len(sheet.rows), reference=reference), *sheet.notes()))


IMPORTERS = {"products": import_products, "sales": import_sales, "opening": import_opening_stock}
