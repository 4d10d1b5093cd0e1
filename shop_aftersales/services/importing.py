"""Import the shop's existing data from .xlsx, as its POS or 进销存 system exports it.

One sheet, one header row in Chinese or English, one record per row. An import is all or
nothing: every row is read and checked first, and a file with any problem writes nothing and
reports every problem (row, column, what is wrong). Only a clean file is written, in one
transaction. The GUI and the CLI call the same functions.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
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
from ..money import to_decimal
from .base import Changes, Progress, business_step
from .ledger import MoveRequest, move, serial_location
from .numbering import next_number

MAX_ROWS = 200_000
MAX_EXPANDED_BYTES = 200 * 1024 * 1024  # what the .xlsx unpacks to: refuse zip bombs and monster sheets early
CHUNK = 500


# ---------------------------------------------------------------- problems

@dataclass(frozen=True)
class Problem:
    row: int      # spreadsheet row number (1-based, as Excel shows it); 0 for the whole file
    column: str   # the column's header as found in the file, or ""
    source: str   # English message source (context "Domain")
    params: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        return translate("Domain", self.source).format(**dict(self.params))

    def __str__(self) -> str:
        if self.row and self.column:
            where = QT_TRANSLATE_NOOP("Domain", "row {row}, column '{column}': {message}")
        elif self.row:
            where = QT_TRANSLATE_NOOP("Domain", "row {row}: {message}")
        else:
            return self.message()
        return translate("Domain", where).format(row=self.row, column=self.column, message=self.message())


class ImportFailed(DomainError):
    """The file was refused; nothing was written. ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Domain", "The file was not imported: {count} problem(s) found. Nothing was written."),
                         count=len(problems))
        self.problems = problems

    def report(self, limit: int | None = None) -> str:
        lines = [self.message()]
        shown = self.problems if limit is None else self.problems[:limit]
        lines += [f"  • {p}" for p in shown]
        if limit is not None and len(self.problems) > limit:
            lines.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "  … and {more} more.")).format(
                more=len(self.problems) - limit))
        return "\n".join(lines)


def _p(row: int, column: str, source: str, **params: object) -> Problem:
    return Problem(row, column, source, tuple(params.items()))


# ---------------------------------------------------------------- columns and cell parsers

class CellError(ValueError):
    def __init__(self, source: str, **params: object) -> None:
        super().__init__(source)
        self.source, self.params = source, params


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # codes typed as numbers come back as 12345.0
    return re.sub(r"[\x00-\x1f\x7f]", " ", str(value)).strip()


def quantity(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a whole number."), value=value)
    try:
        d = to_decimal(value) if not isinstance(value, (int, float)) else Decimal(repr(value))
    except ValueError:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a whole number."), value=value) from None
    if d != d.to_integral_value():
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a whole number."), value=value)
    if d <= 0:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The quantity must be more than zero (got {value})."), value=value)
    if d > 1_000_000:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The quantity {value} is implausibly large."), value=value)
    return int(d)


def price(value: object) -> Decimal:
    try:
        d = to_decimal(value)
    except ValueError:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not an amount of money."), value=value) from None
    if d < 0:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "An amount cannot be negative (got {value})."), value=value)
    if d > Decimal("100000000"):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The amount {value} is implausibly large."), value=value)
    return d


_DATE_PATTERNS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M", "%d.%m.%Y",
)


def date(value: object) -> dt.datetime:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20_000 < value < 80_000:
        from openpyxl.utils.datetime import from_excel  # a date typed into a cell with a number format

        value = from_excel(value)
    if isinstance(value, dt.datetime):
        result = value.replace(microsecond=0, tzinfo=None)
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    else:
        raw = text(value)
        for pattern in _DATE_PATTERNS:
            try:
                result = dt.datetime.strptime(raw, pattern)
                break
            except ValueError:
                continue
        else:
            raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a date (write it like 2026-03-18)."), value=raw)
    if not (dt.datetime(1990, 1, 1) <= result <= dt.datetime(2100, 1, 1)):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The date {value} is out of range."), value=result.date().isoformat())
    return result


_YES = {"是", "y", "yes", "true", "1", "有", "√", "x"}
_NO = {"否", "n", "no", "false", "0", "无", ""}


def yes_no(value: object) -> bool:
    raw = text(value).lower()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not yes or no (是/否)."), value=raw)


@dataclass(frozen=True)
class Field:
    key: str
    zh: str
    en: str
    parse: Callable[[object], object] = text
    required: bool = False
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {_norm(n) for n in (self.zh, self.en, *self.aliases)}


def _norm(header: object) -> str:
    raw = text(header).lower()
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


SKU = Field("sku", "商品编码", "SKU", required=True, aliases=("编码", "货号", "商品代码", "product code", "code", "item code"))

PRODUCTS = Spec("products", QT_TRANSLATE_NOOP("Domain", "Products"), (
    SKU,
    Field("barcode", "条码", "Barcode", aliases=("条形码", "ean")),
    Field("name", "商品名称", "Name", required=True, aliases=("名称", "品名", "product", "product name")),
    Field("model", "型号", "Model", aliases=("规格", "型号规格", "spec")),
    Field("category", "分类", "Category", aliases=("类别", "品类")),
    Field("brand", "品牌", "Brand"),
    Field("supplier", "供应商", "Supplier", aliases=("厂商",)),
    Field("list_price", "售价", "List price", price, aliases=("零售价", "标价", "price")),
    Field("cost", "成本", "Cost", price, aliases=("成本价", "进价", "cost price")),
    Field("serialised", "序列号管理", "Serialised", yes_no, aliases=("串号管理", "按序列号", "serialized")),
), ("SJ-1001", "6901234567890", "智能手机 X1", "8+256G 黑色", "手机", "星河", "深圳星河电子", "2999.00", "2100.00", "是"))

SALES = Spec("sales", QT_TRANSLATE_NOOP("Domain", "Sales"), (
    Field("receipt", "单号", "Receipt no", required=True, aliases=("小票号", "销售单号", "单据号", "receipt", "receipt number")),
    Field("date", "日期", "Date", date, required=True, aliases=("销售日期", "下单日期", "sale date")),
    Field("customer", "客户", "Customer", aliases=("顾客", "客户名称", "会员", "customer name")),
    Field("phone", "电话", "Phone", aliases=("手机", "手机号", "联系电话", "mobile")),
    SKU,
    Field("name", "商品名称", "Name", aliases=("名称", "品名", "product", "product name")),
    Field("model", "型号", "Model", aliases=("规格", "spec")),
    Field("serial", "序列号", "Serial", aliases=("串号", "sn", "imei", "serial number")),
    Field("quantity", "数量", "Quantity", quantity, required=True, aliases=("qty",)),
    Field("unit_price", "单价", "Unit price", price, required=True, aliases=("售价", "price")),
    Field("supplier", "供应商", "Supplier", aliases=("厂商",)),
    Field("batch", "批次", "Batch", aliases=("批号", "lot", "batch no")),
), ("XS20260318-001", "2026-03-18", "王芳", "13800138000", "SJ-1001", "智能手机 X1", "8+256G 黑色",
    "SN0001", 1, "2999.00", "深圳星河电子", "B2603"))

OPENING = Spec("opening", QT_TRANSLATE_NOOP("Domain", "Opening stock"), (
    SKU,
    Field("zone", "库区", "Zone", required=True, aliases=("区域", "仓位", "location")),
    Field("quantity", "数量", "Quantity", quantity, required=True, aliases=("qty", "库存")),
    Field("serial", "序列号", "Serial", aliases=("串号", "sn", "imei")),
), ("SJ-1001", "可销售库存", 1, "SN0100"))

SPECS = {s.kind: s for s in (PRODUCTS, SALES, OPENING)}
OPENING_NOTE = QT_TRANSLATE_NOOP("Domain", "Opening stock")


# ---------------------------------------------------------------- reading

@dataclass
class Row:
    number: int
    values: dict[str, object]


@dataclass
class Sheet:
    rows: list[Row]
    headers: dict[str, str]  # field key -> header as written in the file
    problems: list[Problem] = field(default_factory=list)


def _open_workbook(path: Path):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "{name} is not an Excel .xlsx file. Save it from Excel "
                                        "or WPS as 'Excel Workbook (*.xlsx)' and try again."), name=path.name)])
    if not path.is_file():
        raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "The file {name} does not exist."), name=str(path))])
    try:
        if not zipfile.is_zipfile(path):
            raise InvalidFileException(path.name)
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
        if expanded > MAX_EXPANDED_BYTES:
            raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "{name} unpacks to {size} MB: too large for "
                                                          "one import (or damaged). Split it into smaller files."),
                                   name=path.name, size=expanded // (1024 * 1024))])
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "{name} cannot be read as an Excel workbook ({reason})."),
                               name=path.name, reason=type(exc).__name__)]) from None


def read_sheet(path: Path, spec: Spec, progress: Progress | None = None) -> Sheet:
    wb = _open_workbook(Path(path))
    try:
        ws = wb.worksheets[0]
        rows_iter = ws.iter_rows(values_only=True)
        header_row, header_no = None, 0
        for number, values in enumerate(rows_iter, start=1):
            if any(text(v) for v in values):
                header_row, header_no = values, number
                break
            if number > 20:
                break
        if header_row is None:
            raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "The first sheet is empty: there is no header row."))])
        positions: dict[str, int] = {}
        headers: dict[str, str] = {}
        for index, header in enumerate(header_row):
            norm = _norm(header)
            for f in spec.fields:
                if norm and norm in f.names() and f.key not in positions:
                    positions[f.key] = index
                    headers[f.key] = text(header)
        missing = [f for f in spec.fields if f.required and f.key not in positions]
        if missing:
            raise ImportFailed([_p(header_no, "", QT_TRANSLATE_NOOP("Domain", "The required column '{zh}' ({en}) is missing."),
                                   zh=f.zh, en=f.en) for f in missing])
        sheet = Sheet([], headers)
        for number, values in enumerate(rows_iter, start=header_no + 1):
            if progress is not None and number % 250 == 0:
                progress(number)
            if not any(text(v) for v in values):
                continue
            if len(sheet.rows) >= MAX_ROWS:
                raise ImportFailed([_p(number, "", QT_TRANSLATE_NOOP("Domain", "The file has more than {max} rows; split it "
                                                     "into smaller files."), max=MAX_ROWS)])
            parsed: dict[str, object] = {}
            for f in spec.fields:
                pos = positions.get(f.key)
                raw = values[pos] if pos is not None and pos < len(values) else None
                if text(raw) == "":
                    if f.required:
                        sheet.problems.append(_p(number, headers[f.key], QT_TRANSLATE_NOOP("Domain", "This cell must not be empty.")))
                    parsed[f.key] = None if f.parse is not text else ""
                    continue
                try:
                    parsed[f.key] = f.parse(raw)
                except CellError as exc:
                    sheet.problems.append(_p(number, headers[f.key], exc.source, **exc.params))
                    parsed[f.key] = None
            sheet.rows.append(Row(number, parsed))
        if not sheet.rows and not sheet.problems:
            raise ImportFailed([_p(0, "", QT_TRANSLATE_NOOP("Domain", "The file has a header row but no data rows."))])
        return sheet
    finally:
        wb.close()


# ---------------------------------------------------------------- template

def write_template(path: Path, kind: str, chinese: bool = True) -> Path:
    """Save an empty import template (header + one example row) for *kind*."""
    from ..reports.workbook import write_table

    spec = SPECS[kind]
    headers = [(f.zh if chinese else f.en) + ("*" if f.required else "") for f in spec.fields]
    return write_table(Path(path), translate("Domain", spec.title), headers, [list(spec.example)])


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
        raise ImportFailed(problems)
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
                       created=created, updated=updated),))


@business_step
def import_sales(path: Path, staff=None, progress: Progress | None = None) -> Changes:
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
    for receipt, rows in receipts.items():
        first = rows[0]
        for row in rows:
            v = row.values
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
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row))

    suppliers: dict = {}
    created = skipped = 0
    lines: list[dict] = []
    for receipt, rows in receipts.items():
        if receipt in existing_receipts:
            skipped += 1
            continue
        head = rows[0].values
        customer = _customer(head.get("customer") or "", head.get("phone") or "")
        sale = Sale.create(receipt_no=receipt, sold_at=head["date"], customer=customer, source="import")
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
    return Changes(sales=True, people=True, created=created, skipped=skipped,
                   messages=(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{created} receipt(s) imported, {skipped} already "
                                                   "present and skipped.")).format(created=created, skipped=skipped),))


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
        for name in (loc.code, loc.name, translate("Domain", loc.name), _ZONE_ZH.get(loc.code, "")):
            if name:
                lookup[_norm(name)] = loc
    return lookup


# Chinese zone names accepted in files even when the app runs in English.
_ZONE_ZH = {"sellable": "可销售库存", "inspection": "待检测区", "repairable": "可维修区", "in_repair": "维修中",
            "resale": "特价区", "supplier_return": "退供应商区", "parts": "配件库"}


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
        raise ImportFailed(sorted(problems, key=lambda p: p.row))
    reference = next_number("opening")
    for row in sheet.rows:
        v = row.values
        move(MoveRequest(product=products[v["sku"]], quantity=v["quantity"], source=adjustment,
                         target=zones[_norm(v["zone"])], serial=v.get("serial") or None, reference=reference,
                         note=OPENING_NOTE, staff=staff))
    _log("opening", path, len(sheet.rows), len(sheet.rows), 0, staff)
    return Changes(stock=True, created=len(sheet.rows),
                   messages=(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{count} opening stock line(s) posted as {reference}.")).format(
                       count=len(sheet.rows), reference=reference),))


IMPORTERS = {"products": import_products, "sales": import_sales, "opening": import_opening_stock}
