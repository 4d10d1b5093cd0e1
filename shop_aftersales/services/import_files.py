"""Opening an import file without trusting it: what it is (an .xls, a CSV, a web page, a workbook with a
password, a zip of something else), whether its XML declares a DTD (never written by Excel: entity attacks),
how many rows its sheets have (counted on the raw bytes before any cell is parsed), and its rows streamed with
every cell that cannot be read reported by row and column. No Qt, no database."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from typing import Iterable

from ..i18n import QT_TRANSLATE_NOOP, translate
from .import_cells import DAMAGED, ImportFailed, problem, shown

MAX_EXPANDED_BYTES = 200 * 1024 * 1024  # what the .xlsx unpacks to: refuse zip bombs and monster sheets early

class SheetDamaged(Exception):
    def __init__(self, after_row: int, what: str) -> None:
        super().__init__(what)
        self.after_row, self.what = after_row, what


_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: an .xls, or a workbook with a password
_SCAN_CHUNK = 1 << 20
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROW_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])[^<>]*?(/?)>")  # group 1: "/" for an empty <row/>
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,4})\$?(\d{1,8})")
MAX_SHEET_ROW, MAX_SHEET_COLUMN = 1_048_576, 16_384  # Excel's last row and column (XFD)


def refused(path: Path, source: str, **params: object) -> ImportFailed:
    """The refusal of the whole file *path* for one reason."""
    return ImportFailed([problem(0, "", source, **params)], file=path.name)


def _sniff(path: Path) -> None:
    """Refuse a file that is not a zip archive, saying what it is instead where that is clear."""
    size = path.stat().st_size
    if size == 0:
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is empty (0 bytes)."), name=path.name)
    if zipfile.is_zipfile(path):
        return
    with path.open("rb") as f:
        head = f.read(64 * 1024)
        if head.startswith(_CFB_MAGIC):
            data = head + f.read(4 * 1024 * 1024)
            f.seek(max(0, size - 1024 * 1024))
            data += f.read()
            if "EncryptedPackage".encode("utf-16-le") in data:
                raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is protected with a password. Open it in "
                                                       "Excel or WPS, remove the password, save it and import it "
                                                       "again."), name=path.name)
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is an old Excel 97–2003 (.xls) workbook, "
                                                   "whatever its name says. Open it in Excel or WPS and save it as "
                                                   "'Excel Workbook (*.xlsx)'."), name=path.name)
    if head.startswith(b"PK"):  # a zip archive, cut short or damaged
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} cannot be read as an Excel workbook ({reason})."),
                       name=path.name, reason=translate("Domain", QT_TRANSLATE_NOOP("Domain", "damaged, or not a zip "
                                                                                        "archive")))
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        sample = head.decode("utf-16", "replace")
    else:
        sample = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
        if sample.count("\ufffd") > 2:
            sample = head.decode("gb18030", "replace")  # a CSV saved by Excel in Chinese Windows
    if "\x00" not in sample and sample.count("\ufffd") <= 2:
        if re.search(r"<\s*(?:html|table|!doctype\s+html)", sample, re.IGNORECASE):
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is a web page saved under an Excel name (some "
                                                   "tills export this way). Open it in Excel or WPS and save it as "
                                                   "'Excel Workbook (*.xlsx)'."), name=path.name)
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is a text (CSV) file, not an Excel workbook, whatever "
                                               "its name says. Open it in Excel or WPS and save it as 'Excel "
                                               "Workbook (*.xlsx)'."), name=path.name)
    raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} cannot be read as an Excel workbook ({reason})."),
                   name=path.name, reason=translate("Domain", QT_TRANSLATE_NOOP("Domain", "damaged, or not a zip archive")))


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> int:
    """Read one XML part of the workbook as raw bytes, before any XML parser sees it: refuse a DTD (which Excel
    never writes: external entities, entity bombs) and count the rows that hold cells (a sheet's size, known in
    a second or two even for a million rows)."""
    import codecs

    rows = 0
    decoder = None
    carry = b""
    with archive.open(info) as part:
        chunk = part.read(_SCAN_CHUNK)
        if chunk[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):  # UTF-16: scanned as UTF-8
            decoder = codecs.getincrementaldecoder("utf-16" if chunk[:2] in (b"\xff\xfe", b"\xfe\xff")
                                                   else "utf-16-le" if chunk[0] == 0x3C else "utf-16-be")("replace")
        while True:
            data = decoder.decode(chunk, final=not chunk).encode("utf-8") if decoder else chunk
            buffer = carry + data
            cut = buffer.rfind(b"<") if chunk else len(buffer)
            if cut < 0 or len(buffer) - cut > 65_536:
                cut = len(buffer)
            done, carry = buffer[:cut], buffer[cut:]
            if _DTD.search(done):
                raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} contains a document type declaration (DTD) "
                                                       "in {part}. Excel never writes one, and it can be used to "
                                                       "attack the computer reading the file: it was not read."),
                               name=path.name, part=info.filename)
            rows += _ROW_OPEN.findall(done).count(b"")
            if not chunk:
                return rows
            chunk = part.read(_SCAN_CHUNK)


def open_workbook(path: Path):
    """The workbook in *path*, opened read-only, and the number of rows (holding cells) of each XML part."""
    import openpyxl

    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise ImportFailed([problem(0, "", QT_TRANSLATE_NOOP("Domain", "{name} is not an Excel .xlsx file. Save it from Excel "
                                        "or WPS as 'Excel Workbook (*.xlsx)' and try again."), name=path.name)],
                           file=path.name)
    if not path.is_file():
        raise ImportFailed([problem(0, "", QT_TRANSLATE_NOOP("Domain", "The file {name} does not exist."), name=str(path))],
                           file=path.name)
    _sniff(path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        expanded = sum(info.file_size for info in infos)
        if expanded > MAX_EXPANDED_BYTES:
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} unpacks to {size} MB: too large for one import "
                                                   "(or damaged). Split it into smaller files."),
                           name=path.name, size=expanded // (1024 * 1024))
        if "[Content_Types].xml" not in {info.filename for info in infos}:
            raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} is a zip archive, not an Excel workbook."),
                           name=path.name)
        # every member, whatever its name: [Content_Types].xml may give a sheet or the shared strings any name
        rows = {info.filename: _scan_part(archive, info, path) for info in infos if not info.is_dir()}
    return openpyxl.load_workbook(path, read_only=True, data_only=True), rows


def first_visible_sheet(wb, path: Path):
    """The sheet the user sees first: a hidden sheet is not read (what it holds is not what they checked)."""
    sheets = wb.worksheets
    if not sheets:
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} has no sheet that can be read."), name=path.name)
    visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:
        raise refused(path, QT_TRANSLATE_NOOP("Domain", "{name} has no visible sheet: every sheet in it is hidden. "
                                               "Show the sheet to import and save the file again."), name=path.name)
    return visible[0]


_NUMBER_CELL = QT_TRANSLATE_NOOP("Domain", "The cell is stored as a number but holds '{value}': the file is damaged.")
_DATE_CELL = QT_TRANSLATE_NOOP("Domain", "The cell is stored as a date but holds '{value}': the file is damaged.")
_BOOL_CELL = QT_TRANSLATE_NOOP("Domain", "The cell is stored as yes/no (TRUE/FALSE) but holds '{value}': the file is "
                                         "damaged.")
_OTHER_CELL = QT_TRANSLATE_NOOP("Domain", "The cell cannot be read ({reason}): the file is damaged.")
_STRING_INDEX = QT_TRANSLATE_NOOP("Domain", "The cell refers to text number {index} of the file, which the file does "
                                            "not have: the file is damaged.")
_BAD_REFERENCE = QT_TRANSLATE_NOOP("Domain", "The cell reference '{ref}' is not valid here: the file is damaged.")


def column_name(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index) if 1 <= index <= 18_278 else str(index)


def sheet_rows(wb, ws) -> Iterable[tuple[int, dict[int, object], list[tuple[int | None, str, str, dict]]]]:
    """The rows of *ws* as the file has them: (row number, {column number: value} of the cells that have a
    value, the damaged cells as (column number or None, column letters, message source, params)). Streamed with
    lxml (no entities, no network, no huge text nodes); openpyxl's own cell parser turns each cell into its value
    (shared strings, dates by number format); a row or cell reference out of place, a value its cell type
    cannot hold, a shared string the file does not have are reported, never guessed."""
    from lxml import etree
    from openpyxl.utils import column_index_from_string
    from openpyxl.worksheet._reader import WorkSheetParser

    strings = ws._shared_strings
    parser = WorkSheetParser(None, strings, data_only=True, epoch=wb.epoch, date_formats=wb._date_formats,
                             timedelta_formats=wb._timedelta_formats)
    row_tag, cell_tag, value_tag = _MAIN_NS + "row", _MAIN_NS + "c", _MAIN_NS + "v"
    inline_tag, text_tag, run_tag = _MAIN_NS + "is", _MAIN_NS + "t", _MAIN_NS + "r"
    columns: dict[str, int] = {}  # "AB" -> 28, worked out once per column
    previous = 0
    with ws._get_source() as source:
        events = etree.iterparse(source, events=("end",), tag=row_tag, resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False)
        try:
            for _event, element in events:
                r = element.get("r")
                if r is None:
                    number = previous + 1
                elif r.isascii() and r.isdigit():
                    number = int(r)
                else:
                    raise SheetDamaged(previous, QT_TRANSLATE_NOOP("Domain", "a row number is not valid"))
                if number <= previous:
                    raise SheetDamaged(previous, QT_TRANSLATE_NOOP("Domain", "the rows are out of order"))
                if number > MAX_SHEET_ROW:
                    raise SheetDamaged(previous, QT_TRANSLATE_NOOP("Domain", "a row lies beyond Excel's last row"))
                previous = number
                values: dict[int, object] = {}
                damaged: list[tuple[int | None, str, str, dict]] = []
                column = 0
                for cell in element.iterchildren(cell_tag):
                    ref = cell.get("r")
                    if ref is None:
                        column += 1
                    else:
                        found = _CELL_REF.fullmatch(ref)
                        at = None
                        if found and len(found.group(1)) <= 3:
                            letters = found.group(1).upper()
                            at = columns.get(letters) or columns.setdefault(letters, column_index_from_string(letters))
                        if (found is None or at is None or at > MAX_SHEET_COLUMN or at <= column
                                or int(found.group(2)) != number):
                            letters = found.group(1).upper() if found else column_name(column + 1)
                            where = at if at is not None and column < at <= MAX_SHEET_COLUMN else None
                            damaged.append((where, letters, _BAD_REFERENCE, {"ref": shown(ref)}))
                            if where is not None:
                                values[where] = DAMAGED
                            column = max(column, where or column + 1)
                            continue
                        column = at
                    kind = cell.get("t", "n")
                    if kind == "inlineStr":  # what openpyxl's parser does, without building a Text object
                        inline = cell.find(inline_tag)
                        if inline is not None:
                            plain = inline.findtext(text_tag)
                            values[column] = "".join(([plain] if plain is not None else [])
                                                     + [r.findtext(text_tag) or "" for r in inline.iterfind(run_tag)])
                        continue
                    raw = cell.findtext(value_tag)
                    if kind == "s" and raw:
                        try:
                            index = int(raw)
                        except ValueError:
                            index = -1
                        if not 0 <= index < len(strings):  # a negative index would quietly take another text
                            damaged.append((column, column_name(column), _STRING_INDEX, {"index": shown(raw)}))
                            values[column] = DAMAGED
                        else:
                            values[column] = strings[index]
                        continue
                    parser.row_counter, parser.col_counter = number, column - 1
                    try:
                        value = parser.parse_cell(cell)["value"]
                    except Exception as exc:  # noqa: BLE001 - any value the cell's type cannot hold
                        source_ = {"n": _NUMBER_CELL, "d": _DATE_CELL, "b": _BOOL_CELL}.get(kind, _OTHER_CELL)
                        damaged.append((column, column_name(column), source_,
                                        {"value": shown(raw or ""), "reason": type(exc).__name__}))
                        values[column] = DAMAGED
                        continue
                    if isinstance(value, float) and not math.isfinite(value):  # 1e400: beyond what a cell holds
                        damaged.append((column, column_name(column), _NUMBER_CELL, {"value": shown(raw or "")}))
                        value = DAMAGED
                    if value is not None:
                        values[column] = value
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
                yield number, values, damaged
        except etree.LxmlError as exc:
            raise SheetDamaged(previous, QT_TRANSLATE_NOOP("Domain", "its XML is broken")) from exc
