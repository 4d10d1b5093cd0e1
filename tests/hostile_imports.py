"""A corpus of hostile import files, built on demand (nothing binary is committed).

Every file is written from Python at test time: hand-written workbook XML zipped into an .xlsx (so that a
cell can hold exactly the bytes a damaged or malicious file has), openpyxl for the ordinary oddities (merged
headers, formulas, hidden sheets), and a few files that are not workbooks at all. Each :class:`Case` says what
the importer must do with it: refuse it (and, for a refusal about one cell, name that cell's row and column) or
import it (the odd but harmless ones: a hidden sheet, European decimals, a SKU written with a zero-width space).

    python tests/hostile_imports.py OUT_DIR             # build the corpus of every kind into OUT_DIR
    python tests/hostile_imports.py --run-cli DATA_DIR KIND FILE...   # (used by the tests) run the CLI over files

The second form runs ``shop-aftersales import-KIND FILE --data-dir DIR`` for many files in one process (a fresh
copy of DATA_DIR's database for each), through the same ``cli.main`` the console script calls, and prints one
JSON line per file: its exit code and what it wrote to stderr (an exception escaping ``main`` is printed there
with its traceback, as the interpreter would).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator
from xml.sax.saxutils import escape

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
KINDS = ("products", "sales", "opening")
CLI_COMMAND = {"products": "import-products", "sales": "import-sales", "opening": "import-stock"}

# The columns of each kind's files, and one good row (the products SJ-1, serialised, and HZ-1 must exist).
HEADERS = {
    "products": ["商品编码", "商品名称", "售价", "成本", "序列号管理"],
    "sales": ["单号", "日期", "客户", "商品编码", "数量", "单价"],
    "opening": ["商品编码", "库区", "数量"],
}
# which column (header) holds a number, a code and a free text in each kind
NUMBER = {"products": "售价", "sales": "单价", "opening": "数量"}
QUANTITY = {"products": None, "sales": "数量", "opening": "数量"}
CODE = {"products": "商品编码", "sales": "商品编码", "opening": "商品编码"}
TEXT = {"products": "商品名称", "sales": "客户", "opening": "库区"}
REQUIRED = {"products": "商品名称", "sales": "单价", "opening": "数量"}  # a required column that is not the first


def good_row(kind: str, n: int) -> list[object]:
    return {"products": [f"P-{n}", "测试商品", "99.00", "50", "否"],
            "sales": [f"XS-H{n}", "2026-05-01", "王芳", "HZ-1", 1, 129],
            "opening": ["HZ-1", ["可销售库存", "特价区", "可维修区", "配件库"][n % 4], 1]}[kind]


def column_letter(index: int) -> str:  # 1-based
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---------------------------------------------------------------- raw workbook XML

def cell_xml(ref: str, value: object) -> str:
    """A cell from a Python value: text inline, numbers as numbers; ``Raw`` is written as it is."""
    if isinstance(value, Raw):
        return value.xml.replace("{ref}", ref)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


@dataclass(frozen=True)
class Raw:
    """Cell XML written exactly as given; ``{ref}`` is replaced by the cell's reference."""
    xml: str


def rows_xml(rows: Iterable[list[object]], start: int = 1) -> str:
    out = []
    for number, values in enumerate(rows, start=start):
        cells = "".join(cell_xml(f"{column_letter(c)}{number}", v) for c, v in enumerate(values, start=1)
                        if v is not None)
        out.append(f'<row r="{number}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
              dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{prolog}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{dim}<sheetData>{body}</sheetData></worksheet>'


STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN_NS}">'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
          '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')
DATE_STYLE = 1  # s="1": a cell formatted as a date


def write_xlsx(path: Path, sheets: list[tuple[str, str, str | bytes | Iterable[bytes]]] | None = None, *,
               shared: list[str] | None = None, shared_xml: str | bytes | None = None,
               workbook_xml: str | None = None, styles: str | bytes | None = STYLES,
               extra: dict[str, str | bytes] | None = None, content_types: str | None = None) -> Path:
    """A hand-written .xlsx: *sheets* are (name, state, worksheet XML or an iterable of byte chunks)."""
    sheets = sheets if sheets is not None else []
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(sheets) + 1))
    types = content_types or (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f'{overrides}</Types>')
    entries = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
                      + (f' state="{state}"' if state != "visible" else "") + "/>"
                      for i, (name, state, _xml) in enumerate(sheets, start=1))
    workbook = workbook_xml or (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" '
                                f'xmlns:r="{REL_NS}"><sheets>{entries}</sheets></workbook>')
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="{REL_NS}/styles" Target="styles.xml"/>')
    if shared_xml is None:
        strings = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared or [])
        shared_xml = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="{len(shared or [])}" '
                      f'uniqueCount="{len(shared or [])}">{strings}</sst>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                         f'{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f'{rels}</Relationships>')
        archive.writestr("xl/sharedStrings.xml", shared_xml)
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
        for i, (_name, _state, xml) in enumerate(sheets, start=1):
            if isinstance(xml, (str, bytes)):
                archive.writestr(f"xl/worksheets/sheet{i}.xml", xml)
            else:
                with archive.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as part:
                    for chunk in xml:
                        part.write(chunk)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def one_sheet(path: Path, kind: str, bad: list[object] | None = None, *, rows: list[list[object]] | None = None,
              **kwargs) -> Path:
    """The kind's header on row 1, a good row on row 2 and *bad* on row 3 (or the given *rows*)."""
    body = rows if rows is not None else [HEADERS[kind], good_row(kind, 1)] + ([bad] if bad is not None else [])
    return write_xlsx(path, [("Sheet1", "visible", sheet_xml(rows_xml(body)))], **kwargs)


def with_value(kind: str, header: str, value: object, n: int = 2) -> list[object]:
    row = list(good_row(kind, n))
    row[HEADERS[kind].index(header)] = value
    return row


def million_rows(path: Path, kind: str, rows: int = 1_000_000) -> Path:
    """*rows* data rows under the kind's header, streamed (shared strings and cells without references keep the
    XML small: ~20 bytes a cell)."""
    header = HEADERS[kind]
    width = len(header)
    good = good_row(kind, 1)
    shared = list(header) + [str(v) for v in good]

    def chunks() -> Iterator[bytes]:
        head = "".join(f'<c r="{column_letter(c + 1)}1" t="s"><v>{c}</v></c>' for c in range(width))
        yield sheet_xml("", dimension=f"A1:{column_letter(width)}{rows + 1}").split("<sheetData>")[0].encode()
        yield f'<sheetData><row r="1">{head}</row>'.encode()
        template = "".join(f'<c t="s"><v>{width + c}</v></c>' for c in range(width))
        template = f'<row r="%d">{template}</row>'
        batch = 5000
        for start in range(2, rows + 2, batch):
            yield "".join(template % r for r in range(start, min(start + batch, rows + 2))).encode()
        yield b"</sheetData></worksheet>"

    return write_xlsx(path, [("Sheet1", "visible", chunks())], shared=shared)


# ---------------------------------------------------------------- files that are not workbooks

def _cfb(path: Path, streams: list[str]) -> Path:
    """The start of an OLE compound file (what .xls files and password-protected .xlsx files are): its
    signature, a header sector and a directory sector naming *streams* (UTF-16, as the format writes them).
    Enough for a sniffer and for every zip reader to refuse it; not a file Excel would open."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header = header.ljust(512, b"\x00")
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in streams)
    path.write_bytes(header + directory.ljust(512 * 4, b"\x00"))
    return path


def _openpyxl_book(path: Path, fill: Callable) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    fill(wb)
    wb.save(path)
    return path


# ---------------------------------------------------------------- the corpus

@dataclass
class Case:
    name: str
    kind: str
    path: Path
    refused: bool = True
    cell: tuple[int, str] | None = None  # the (row, column) a refusal about one cell must name
    says: tuple[str, ...] = ()           # what the (English) report must say
    check: Callable[[], None] | None = None  # for a file that imports: what it must have written
    cli: bool = True                     # run through the CLI batch too
    slow: bool = False

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"


def corpus(folder: Path, kind: str, *, big: bool = True) -> list[Case]:
    """Build every hostile file of *kind* into *folder* and say what the importer must do with each."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    header = HEADERS[kind]
    num, code, txt = NUMBER[kind], CODE[kind], TEXT[kind]
    col = {h: column_letter(i) for i, h in enumerate(header, start=1)}

    def add(name: str, build: Callable[[Path], object], suffix: str = ".xlsx", **kw) -> None:
        path = folder / f"{kind}-{name}{suffix}"
        build(path)
        cases.append(Case(name, kind, path, **kw))

    def cell_case(name: str, column: str, value: object, *says: str, n: int = 2) -> None:
        add(name, lambda p: one_sheet(p, kind, with_value(kind, column, value, n)), cell=(3, column), says=says)

    # -- not workbooks at all
    add("empty", lambda p: p.write_bytes(b""), says=("is empty",))
    add("not-a-zip", lambda p: p.write_bytes(b"\x00\x01\x02garbage" * 50), says=("cannot be read",))
    add("zip-not-xlsx", lambda p: zipfile.ZipFile(p, "w").writestr("readme.txt", "hello"),
        says=("not an Excel workbook",))
    add("xls-renamed", lambda p: _cfb(p, ["Root Entry", "Workbook", "\x05SummaryInformation"]),
        says=(".xls",))
    add("encrypted", lambda p: _cfb(p, ["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
        says=("password",))
    add("csv-with-bom", lambda p: p.write_bytes("\ufeff".encode() + ",".join(header).encode() + b"\r\n"
                                                + ",".join(map(str, good_row(kind, 1))).encode() + b"\r\n"),
        says=("CSV",))
    add("html-table", lambda p: p.write_bytes(b"<html><body><table><tr><td>" + header[0].encode()
                                              + b"</td></tr></table></body></html>"), says=("web page",))
    add("truncated-zip", lambda p: p.write_bytes(one_sheet(folder / "tmp.xlsx", kind).read_bytes()[:300]),
        says=("cannot be read",))
    add("lying-sizes", lambda p: _lying_sizes(p, kind), says=("cannot be read",))
    add("sheet-part-missing", lambda p: one_sheet(p, kind, workbook_xml=(
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId9"/>'
        "</sheets></workbook>")), says=("cannot be read",))
    add("garbage-styles", lambda p: one_sheet(p, kind, styles=f'<styleSheet xmlns="{MAIN_NS}"><numFmts>'
                                              '<numFmt numFmtId="abc" formatCode="x"/></numFmts></styleSheet>'),
        says=("cannot be read",))
    # -- workbooks without anything to read
    add("no-sheets", lambda p: write_xlsx(p, []), says=("no sheet",))
    add("all-sheets-hidden", lambda p: write_xlsx(p, [("A", "hidden", sheet_xml(rows_xml([header])))]),
        says=("no visible sheet",))
    add("no-sheetdata", lambda p: write_xlsx(p, [("A", "visible", f'<worksheet xmlns="{MAIN_NS}"/>')]),
        says=("empty",))
    add("header-too-low", lambda p: one_sheet(p, kind, rows=[[]] * 25 + [header, good_row(kind, 1)]),
        says=("No header row",))
    # -- damaged sheet XML
    add("malformed-xml", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(rows_xml([header, good_row(kind, 1)]))
                                                   [:-40] + "<row r='3'><c><v>1</c>")]),
        says=("cannot be read",))
    add("malformed-xml-after-dimension", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, good_row(kind, 1)]), dimension="A1:F3")[:-40] + "<row r='3'><c><v>1</c>")]),
        says=("damaged after row",))
    add("bad-row-number", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, good_row(kind, 1)]) + '<row r="x3"><c r="A3"><v>1</v></c></row>'))]), says=("damaged",))
    add("rows-out-of-order", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, good_row(kind, 1)]) + rows_xml([good_row(kind, 2)], start=2)))]),
        says=("damaged",))
    add("row-beyond-excel", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, good_row(kind, 1)]) + rows_xml([good_row(kind, 2)], start=2_000_000)))]),
        says=("damaged",))
    # -- XML attacks: refused before any parser sees them
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
    add("xxe-sheet", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, with_value(kind, txt, Raw('<c r="{ref}" t="inlineStr"><is><t>&xxe;</t></is></c>'))]),
        prolog=xxe))]), says=("DTD",))
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
              + ']>\n')
    add("billion-laughs", lambda p: one_sheet(p, kind, shared_xml=laughs + f'<sst xmlns="{MAIN_NS}"><si><t>&j;</t>'
                                                                           "</si></sst>"), says=("DTD",))
    add("dtd-in-workbook", lambda p: one_sheet(p, kind, workbook_xml=(
        '<?xml version="1.0"?><!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd">'
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>")), says=("DTD",))
    add("utf16-dtd", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(
        rows_xml([header, good_row(kind, 1)]), prolog='<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE worksheet [<!ENTITY x "y">]>').encode("utf-16"))]), says=("DTD",))
    # -- one damaged cell (row 3): refused, naming its row and column
    cell_case("number-cell-holding-text", num, Raw('<c r="{ref}"><v>abc</v></c>'), "stored as a number")
    cell_case("number-cell-nan", num, Raw('<c r="{ref}"><v>NaN</v></c>'), "stored as a number")
    cell_case("date-cell-garbage", num, Raw('<c r="{ref}" t="d"><v>not-a-date</v></c>'), "stored as a date")
    cell_case("bool-cell-garbage", num, Raw('<c r="{ref}" t="b"><v>maybe</v></c>'), "yes/no")
    cell_case("shared-string-out-of-range", txt, Raw('<c r="{ref}" t="s"><v>999</v></c>'), "text number 999")
    cell_case("shared-string-negative", txt, Raw('<c r="{ref}" t="s"><v>-1</v></c>'), "text number -1")
    cell_case("shared-string-not-a-number", txt, Raw('<c r="{ref}" t="s"><v>x</v></c>'), "text number x")
    cell_case("digits-beyond-python", num, Raw('<c r="{ref}"><v>' + "9" * 5000 + "</v></c>"), "stored as a number")
    bad_ref = with_value(kind, num, Raw('<c r="ZZZZ3"><v>1</v></c>'))
    add("bad-cell-reference", lambda p: one_sheet(p, kind, bad_ref), cell=(3, "ZZZZ"), says=("ZZZZ3",))
    wrong_row = with_value(kind, num, Raw('<c r="{ref}"><v>1</v></c>'.replace("{ref}", f"{col[num]}7")))
    add("cell-reference-in-another-row", lambda p: one_sheet(p, kind, wrong_row), cell=(3, num), says=("7",))
    beyond = good_row(kind, 2) + [Raw('<c r="XFE3"><v>1</v></c>')]
    add("cell-beyond-xfd", lambda p: one_sheet(p, kind, beyond), cell=(3, "XFE"), says=("XFE3",))
    cell_case("date-style-overflow", num, Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>1e300</v></c>'))
    # -- numbers no amount or quantity can be
    cell_case("1e400-number", num, Raw('<c r="{ref}"><v>1e400</v></c>'))
    cell_case("1e400-text", num, "1e400")
    cell_case("30-digits-number", num, Raw('<c r="{ref}"><v>123456789012345678901234567890</v></c>'),
              "implausibly large")
    cell_case("30-digits-text", num, "123456789012345678901234567890", "implausibly large")
    cell_case("inf-text", num, "inf")
    cell_case("nan-text", num, "NaN")
    cell_case("error-cell", num, Raw('<c r="{ref}" t="e"><v>#DIV/0!</v></c>'))
    cell_case("formula-without-value", REQUIRED[kind], Raw('<c r="{ref}"><f>1/0</f></c>'), "must not be empty")
    cell_case("three-decimals", num, "1.299", "1.299")
    cell_case("comma-then-four-digits", num, "1,2999")
    cell_case("swiss-apostrophe", num, "1'299.00")
    if QUANTITY[kind]:
        cell_case("decimal-comma-quantity", QUANTITY[kind], "2,5", "whole number")
        cell_case("quantity-1e300-float", QUANTITY[kind], 1e300, "implausibly large")
    # -- text that is not what it looks like
    cell_case("control-char-in-code", code, "HZ\x7f-1", "control character")
    cell_case("newline-inside-code", code, "HZ-1\nSJ-1", "control character")
    cell_case("c1-control-in-text", txt, "abc\x85def", "control character")
    cell_case("huge-text", txt, "长" * 40_000, "characters")
    add("huge-shared-string", lambda p: one_sheet(p, kind, with_value(kind, txt, Raw('<c r="{ref}" t="s"><v>0</v></c>')),
                                                  shared=["x" * 2_000_000]), cell=(3, txt), says=("characters",))
    # -- the header
    add("duplicate-header", lambda p: one_sheet(p, kind, rows=[header + [header[-1]], good_row(kind, 1) + ["9"]]),
        cell=(1, header[-1]), says=("both",))
    add("merged-header-hides-a-column", lambda p: _openpyxl_book(p, lambda wb: _merged_header(wb, kind)),
        says=("missing",))
    add("formula-header", lambda p: _openpyxl_book(p, lambda wb: _formula_header(wb, kind)), says=("missing",))
    # -- odd but harmless: imported, and imported right
    add("hidden-first-sheet", lambda p: write_xlsx(p, [
        ("junk", "hidden", sheet_xml(rows_xml([header, with_value(kind, num, "junk")]))),
        ("data", "visible", sheet_xml(rows_xml([header, good_row(kind, 5)])))]), refused=False)
    add("16384-columns", lambda p: write_xlsx(p, [("A", "visible", sheet_xml(rows_xml([
        header + [f"x{i}" for i in range(16384 - len(header))],
        good_row(kind, 6) + [None] * (16384 - len(header) - 1) + ["far"]])))]), refused=False)
    add("merged-title-and-formulas", lambda p: _openpyxl_book(p, lambda wb: _title_and_formulas(wb, kind)),
        refused=False)
    if kind == "products":
        for name, written, fen in (("european-1.299,00", "1.299,00", "1299.00"), ("space-1 299,00", "1\u00a0299,00", "1299.00"),
                                   ("decimal-comma-2999,5", "2999,5", "2999.50"), ("fullwidth-digits", "２９９９．５０", "2999.50")):
            add(name, lambda p, w=written: one_sheet(p, kind, rows=[header, ["HZ-1", "补水面膜", w, "", ""]]),
                refused=False, check=_price_is("HZ-1", fen))
        add("zero-width-sku", lambda p: one_sheet(p, kind, rows=[header, ["HZ-1\u200b", "补水面膜 new", "", "", ""]]),
            refused=False, check=_product_named("HZ-1", "补水面膜 new"))
        add("fullwidth-sku", lambda p: one_sheet(p, kind, rows=[header, ["ＨＺ－１", "补水面膜 fw", "", "", ""]]),
            refused=False, check=_product_named("HZ-1", "补水面膜 fw"))
    if kind == "sales":
        cell_case("sold-in-2099", "日期", "2099-01-01", "future")
        cell_case("sold-in-1999", "日期", "1999-12-31", "before 2000")
        cell_case("date-cell-9999", "日期", Raw('<c r="{ref}" t="d"><v>9999-12-31T00:00:00</v></c>'), "future")
        cell_case("serial-date-2100", "日期", Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>73051</v></c>'), "future")
        add("european-price", lambda p: one_sheet(p, kind, rows=[header, ["XS-EU", "2026-05-01", "", "HZ-1", 1,
                                                                           "1.299,00"]]),
            refused=False, check=_sale_price_is("XS-EU", "1299.00"))
        add("zero-width-sku", lambda p: one_sheet(p, kind, rows=[header, ["XS-ZW", "2026-05-01", "", "\u2060HZ-1\u200b",
                                                                          1, 129]]), refused=False)
        add("fullwidth-receipt", lambda p: one_sheet(p, kind, rows=[header, ["ＸＳ－ＦＷ\u3000", "２０２６－０５－０１", "",
                                                                             "HZ-1", "１", "１２９"]]),
            refused=False, check=_sale_price_is("XS-FW", "129.00"))
    if kind == "opening":
        add("zero-width-sku", lambda p: one_sheet(p, kind, rows=[header, ["\ufeffHZ-1\u200d", "可销售库存", 2]]),
            refused=False)
    if big:
        add("million-rows", lambda p: million_rows(p, kind), says=("200000", "rows"), slow=True)
        add("zip-bomb", lambda p: write_xlsx(p, [("A", "visible", _bomb(kind))]), says=("too large",), slow=True)
    (folder / "tmp.xlsx").unlink(missing_ok=True)
    return cases


def _lying_sizes(path: Path, kind: str) -> None:
    """A zip whose directory says the sheet is 100 bytes long (it is longer): the CRC check must refuse it."""
    one_sheet(path, kind)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # the central directory entry: uncompressed size at offset 24 of the entry
    marker = b"PK\x01\x02"
    start = 0
    while True:
        at = data.find(marker, start)
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == info.filename.encode():
            data[at + 24:at + 28] = (100).to_bytes(4, "little")
            break
        start = at + 4
    local = info.header_offset
    data[local + 22:local + 26] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))


def _bomb(kind: str) -> Iterator[bytes]:
    yield sheet_xml(rows_xml([HEADERS[kind]])).split("</sheetData>")[0].encode()
    cell = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>' + b"A" * (1024 * 1024) + b"</t></is></c></row>"
    for r in range(2, 300):
        yield cell % (r, r)
    yield b"</sheetData></worksheet>"


def _merged_header(wb, kind: str) -> None:
    ws = wb.active
    header = HEADERS[kind]
    ws.append(header)
    ws.append(good_row(kind, 1))
    at = header.index(REQUIRED[kind]) + 1
    ws.merge_cells(start_row=1, start_column=at - 1, end_row=1, end_column=at)  # hides a required column's name


def _formula_header(wb, kind: str) -> None:
    ws = wb.active
    header = list(HEADERS[kind])
    at = header.index(REQUIRED[kind])
    header[at] = f'="{header[at]}"'  # a formula with no cached value: the header cell reads as empty
    ws.append(header)
    ws.append(good_row(kind, 1))


def _title_and_formulas(wb, kind: str) -> None:
    ws = wb.active
    header = HEADERS[kind]
    ws.append(["XX门店 导出"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    ws.append(good_row(kind, 7) + ['=HYPERLINK("http://evil.invalid","x")'])  # a formula in a column not read


def _price_is(sku: str, amount: str) -> Callable[[], None]:
    def check() -> None:
        from decimal import Decimal

        from shop_aftersales.models import Product

        assert Product.get(Product.sku == sku).list_price == Decimal(amount)

    return check


def _product_named(sku: str, name: str) -> Callable[[], None]:
    def check() -> None:
        from shop_aftersales.models import Product

        assert Product.get(Product.sku == sku).name == name
        assert not Product.select().where(Product.sku != sku, Product.sku.contains("HZ")).exists()

    return check


def _sale_price_is(receipt: str, amount: str) -> Callable[[], None]:
    def check() -> None:
        from decimal import Decimal

        from shop_aftersales.models import Sale

        line = Sale.get(Sale.receipt_no == receipt).lines.get()
        assert line.unit_price == Decimal(amount) and line.product.sku == "HZ-1"

    return check


def build_all(folder: Path, big: bool = True) -> list[Case]:
    return [case for kind in KINDS for case in corpus(folder, kind, big=big)]


# ---------------------------------------------------------------- the CLI, many files in one process

class _CurrentStderr(io.TextIOBase):
    """Writes to whatever sys.stderr is at the moment (logging keeps the stream it was given)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)


def run_cli(data_dir: Path, kind: str, files: list[str]) -> None:
    import logging
    import traceback

    from shop_aftersales import cli
    from shop_aftersales.models import postgres
    from shop_aftersales.models.database import DB_FILE_NAME, TEST_ENV

    logging.basicConfig(level=logging.WARNING, handlers=[logging.StreamHandler(_CurrentStderr())])
    template = Path(data_dir) / DB_FILE_NAME
    server = os.environ.get(TEST_ENV, "").strip()  # the suite on PostgreSQL: each folder has a database of its own
    out = sys.stdout
    for number, file in enumerate(files):
        folder = Path(data_dir).parent / f"cli-{kind}-{number}"
        folder.mkdir()
        if server:
            postgres.create_database(server, postgres.test_database_name(folder),
                                     template=postgres.test_database_name(data_dir))
        else:
            shutil.copy(template, folder / DB_FILE_NAME)
        captured = io.StringIO()
        sys.stdout, sys.stderr = io.StringIO(), captured
        try:
            code = cli.main([CLI_COMMAND[kind], file, "--data-dir", str(folder), "--lang", "en"])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:  # noqa: BLE001 - what the interpreter would print for an uncaught exception
            traceback.print_exc(file=captured)
            code = 1
        finally:
            sys.stdout, sys.stderr = out, sys.__stderr__
        print(json.dumps({"file": file, "code": code, "stderr": captured.getvalue()}, ensure_ascii=False),
              flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run-cli"]:
        run_cli(Path(argv[1]), argv[2], argv[3:])
        return 0
    if len(argv) != 1:
        print(__doc__)
        return 2
    cases = build_all(Path(argv[0]))
    for case in cases:
        where = f"row {case.cell[0]}, column {case.cell[1]}" if case.cell else ""
        print(f"{'refuse' if case.refused else 'import'}  {case.path.name:55} {where}")
    print(f"{len(cases)} files in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
