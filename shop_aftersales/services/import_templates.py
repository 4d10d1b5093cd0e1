"""Import templates a till user fills without surprises: the header (required columns marked *), one example
row marked as such (the import leaves it out while untouched), the code columns (SKU, barcode, receipt, phone,
serial, batch) formatted as text so that leading zeros and long serials survive, drop-down lists where a column
takes one of a fixed set, and a notes sheet explaining every column."""

from __future__ import annotations

from pathlib import Path

from ..i18n import QT_TRANSLATE_NOOP, translate
from .importing import (EXAMPLE_MARK, EXAMPLE_MARK_HEADER, SPECS, _ZONE_ZH, Field, Spec, _internal_zones, code,
                        date, price, quantity, yes_no)

TEMPLATE_ROWS = 1000  # rows below the header formatted (text columns as text) and validated
_CODE_FORMAT = "@"    # Excel's and LibreOffice's "Text": what is typed stays as typed (00123, 13800138000, long serials)
_FORMATS = {date: "yyyy-mm-dd", price: "0.00", quantity: "0"}


def _choices(f: Field, chinese: bool) -> list[str] | None:
    """The fixed set a column takes, in the template's language, or None for a free column."""
    if f.parse is yes_no:
        return ["是", "否"] if chinese else ["Yes", "No"]
    if f.key == "zone":
        return [_ZONE_ZH[code][0] if chinese else name for code, name in _internal_zones()]
    return None


def _format_of(f: Field) -> str:
    return QT_TRANSLATE_NOOP("Domain", "Text: typed exactly as it is, leading zeros and long numbers kept") \
        if f.parse is code else {
            date: QT_TRANSLATE_NOOP("Domain", "Date, e.g. 2026-03-18 or 2026/03/18 14:05"),
            price: QT_TRANSLATE_NOOP("Domain", "Amount in yuan, e.g. 2999.00"),
            quantity: QT_TRANSLATE_NOOP("Domain", "Whole number, more than 0"),
            yes_no: QT_TRANSLATE_NOOP("Domain", "是 or 否 (yes or no), from the list"),
        }.get(f.parse, QT_TRANSLATE_NOOP("Domain", "Text"))


def write_template(path: Path, kind: str, chinese: bool = True) -> Path:
    """Save an import template for *kind*: the header (required columns marked *), one example row marked as
    such (left out by the import while untouched), the code columns formatted as text and the fixed-set columns
    as drop-down lists for the first :data:`TEMPLATE_ROWS` rows, and a notes sheet explaining every column."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..reports.workbook import save_atomically, set_value

    spec = SPECS[kind]
    lang = "zh" if chinese else "en"
    wb = Workbook()
    ws = wb.active
    ws.title = translate("Domain", spec.title)[:31]
    headers = [(f.zh if chinese else f.en) + ("*" if f.required else "") for f in spec.fields]
    mark_column = len(spec.fields) + 1
    last_row = TEMPLATE_ROWS + 1
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for column, header in enumerate(headers + [EXAMPLE_MARK_HEADER[lang]], start=1):
        cell = ws.cell(row=1, column=column, value=header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
    ws.cell(row=1, column=1).comment = Comment(translate("Domain", QT_TRANSLATE_NOOP(
        "Domain", "Columns marked * are required. The notes sheet explains every column.")), "Shop Aftersales")
    example_font = Font(italic=True, color="808080")
    example_fill = PatternFill("solid", fgColor="EDEDED")
    for column, (f, value) in enumerate(zip(spec.fields, spec.example), start=1):
        letter = get_column_letter(column)
        fmt = _CODE_FORMAT if f.parse is code else _FORMATS.get(f.parse)
        if f.key == "zone":
            value = _choices(f, chinese)[0]
        elif f.parse is yes_no:
            value = _choices(f, chinese)[0 if yes_no(value) else 1]
        elif f.parse is code:
            value = str(value)  # text in a text cell: what a user typing into the column gets
        cell = ws.cell(row=2, column=column)
        set_value(cell, value)
        if fmt is not None:
            for row in range(2, last_row + 1):
                ws.cell(row=row, column=column).number_format = fmt
        choices = _choices(f, chinese)
        if choices is not None:
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                  showErrorMessage=True, errorStyle="stop",
                                  error=translate("Domain", QT_TRANSLATE_NOOP("Domain", "Choose a value from the list.")),
                                  errorTitle=headers[column - 1])
            rule.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(rule)
        width = max(len(headers[column - 1]) * (2 if chinese else 1), _text_width(value), 8) + 2
        ws.column_dimensions[letter].width = min(width, 40)
    ws.cell(row=2, column=mark_column, value=EXAMPLE_MARK[lang])
    ws.column_dimensions[get_column_letter(mark_column)].width = _text_width(EXAMPLE_MARK[lang]) + 2
    for column in range(1, mark_column + 1):
        cell = ws.cell(row=2, column=column)
        cell.font, cell.fill = example_font, example_fill
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(mark_column)}1"
    _fit_width(ws)
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{get_column_letter(mark_column)}{last_row}"
    _notes_sheet(wb, spec, chinese)
    return save_atomically(wb, Path(path))


def _text_width(value: object) -> int:
    raw = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in raw)


def _fit_width(ws) -> None:
    """Printed (should anyone print it): A4 landscape, as wide as the page."""
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _notes_sheet(wb, spec: Spec, chinese: bool) -> None:
    """One line per column: its header, required or not, the format, the example, what goes in it."""
    from openpyxl.styles import Alignment, Font

    from ..reports.workbook import set_value

    tr = lambda source: translate("Domain", source)  # noqa: E731 - the sources are marked where they are written
    ws = wb.create_sheet(tr(QT_TRANSLATE_NOOP("Domain", "Notes"))[:31])
    lang = "zh" if chinese else "en"
    ws.append([tr(QT_TRANSLATE_NOOP("Domain", "How to fill in this template"))])
    ws["A1"].font = Font(bold=True, size=13)
    for line in (
        QT_TRANSLATE_NOOP("Domain", "One record per row on the first sheet, below the header row; keep the header "
                                    "names (the order of the columns does not matter)."),
        QT_TRANSLATE_NOOP("Domain", "Row 2 is an example, in grey italics and marked in the last column: write over "
                                    "it or delete it. Left as it is, the import leaves it out."),
        QT_TRANSLATE_NOOP("Domain", "Code columns (SKU, barcode, receipt, phone, serial, batch) are formatted as text "
                                    "so that leading zeros and long numbers survive. Paste into them with "
                                    "“Paste values” to keep that format."),
        QT_TRANSLATE_NOOP("Domain", "A file with any problem imports nothing and lists every problem by row and "
                                    "column: correct the file and import it again."),
    ):
        ws.append([tr(line)])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = 32
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([tr(QT_TRANSLATE_NOOP("Domain", "Column")), tr(QT_TRANSLATE_NOOP("Domain", "Required")),
               tr(QT_TRANSLATE_NOOP("Domain", "Format")), tr(QT_TRANSLATE_NOOP("Domain", "Example")),
               tr(QT_TRANSLATE_NOOP("Domain", "What goes in it")), tr(QT_TRANSLATE_NOOP("Domain", "Allowed values"))])
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    yes, no = tr(QT_TRANSLATE_NOOP("Domain", "Yes")), tr(QT_TRANSLATE_NOOP("Domain", "No"))
    for f, example in zip(spec.fields, spec.example):
        choices = _choices(f, chinese)
        if f.key == "zone":
            example = choices[0]
        elif f.parse is yes_no:
            example = choices[0 if yes_no(example) else 1]
        row = [f.zh if chinese else f.en, yes if f.required else no, tr(_format_of(f)), None, tr(f.note),
               "、".join(choices) if choices and chinese else ", ".join(choices or [])]
        ws.append(row)
        set_value(ws.cell(row=ws.max_row, column=4), str(example) if f.parse is code else example)
    ws.append([EXAMPLE_MARK_HEADER[lang], no, tr(QT_TRANSLATE_NOOP("Domain", "Text")), EXAMPLE_MARK[lang],
               tr(QT_TRANSLATE_NOOP("Domain", "Free notes; not imported. The example row's mark is here."))])
    for letter, width in zip("ABCDEF", (14, 8, 30, 20, 50, 30)):
        ws.column_dimensions[letter].width = width
    _fit_width(ws)

    widths = (14, 8, 30, 20, 50, 30)
    for row in ws.iter_rows(min_row=header_row + 1):
        lines = 1
        for cell, width in zip(row, widths):
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
            lines = max(lines, -(-_text_width(cell.value) // (width - 1)))
        ws.row_dimensions[row[0].row].height = 15 * lines  # spreadsheet programs do not all grow wrapped rows
