"""Import templates a till user fills without surprises: code columns are text (leading zeros and long serials
survive), fixed-set columns are drop-down lists, the example row is marked and left out while untouched, and a
notes sheet explains every column. Filled the way a user would, saved by a spreadsheet program (LibreOffice),
and imported."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from shop_aftersales.models import Product, Sale, SaleLine
from shop_aftersales.services.import_templates import TEMPLATE_ROWS
from shop_aftersales.services.importing import (EXAMPLE_MARK, SPECS, ImportFailed, code,
                                                import_opening_stock, import_products, import_sales,
                                                write_template)
from shop_aftersales.services.ledger import on_hand, serial_location

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed; CI installs libreoffice-calc")
LONG_SERIAL = "123456789012345678901"


def resaved_by_libreoffice(path: Path, out: Path) -> Path:
    """*path* opened and saved again as .xlsx by LibreOffice Calc (a private profile: parallel runs)."""
    out.mkdir(exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(out / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / path.name


def fill(path: Path, rows: list[dict[str, object]], start: int = 3) -> Path:
    """Type *rows* (header as written -> value) into the template below its example, as a user does."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    columns = {str(c.value).rstrip("*"): c.column for c in ws[1]}
    for number, row in enumerate(rows, start=start):
        for header, value in row.items():
            ws.cell(row=number, column=columns[header], value=value)
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", sorted(SPECS))
@pytest.mark.parametrize("chinese", [True, False])
def test_a_template_formats_codes_as_text_lists_fixed_sets_and_marks_its_example(tmp_path, kind, chinese):
    spec = SPECS[kind]
    wb = load_workbook(write_template(tmp_path / f"{kind}.xlsx", kind, chinese=chinese))
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    header = [c.value for c in ws[1]]
    names = [(f.zh if chinese else f.en) + ("*" if f.required else "") for f in spec.fields]
    assert header[:len(names)] == names
    mark = EXAMPLE_MARK["zh" if chinese else "en"]
    assert ws.cell(row=2, column=len(names) + 1).value == mark
    for column, f in enumerate(spec.fields, start=1):
        example = ws.cell(row=2, column=column)
        assert example.font.i and example.fill.fgColor.rgb.endswith("EDEDED")  # italic, grey
        if f.parse is code:
            assert isinstance(example.value, str)  # the example's codes are text
            assert all(ws.cell(row=r, column=column).number_format == "@" for r in (2, 3, TEMPLATE_ROWS + 1))
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    letter = {f.key: chr(ord("A") + i) for i, f in enumerate(spec.fields)}
    if kind == "products":
        assert lists == {f"{letter['serialised']}2:{letter['serialised']}{TEMPLATE_ROWS + 1}":
                         '"是,否"' if chinese else '"Yes,No"'}
    elif kind == "opening":
        (where, formula), = lists.items()
        assert where == f"B2:B{TEMPLATE_ROWS + 1}" and ("可销售库存" if chinese else "Sellable stock") in formula
    else:
        assert lists == {}  # a sales file has no fixed-set column
    notes = wb.worksheets[1]
    explained = {row[0]: row for row in notes.iter_rows(values_only=True) if row and row[0]}
    for f in spec.fields:
        line = explained[f.zh if chinese else f.en]
        assert line[1] == ("Yes" if f.required else "No") and line[2] and line[4]  # required? format, what
        assert line[3] not in (None, "")  # the example


def test_an_untouched_template_imports_nothing_and_says_why(shop, tmp_path):
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_products(write_template(tmp_path / "p.xlsx", "products"))
    assert "only the template's example row" in str(info.value.problems[0])
    assert Product.select().count() == 0


def test_an_example_row_written_over_but_still_marked_is_refused(shop, tmp_path):
    path = fill(write_template(tmp_path / "p.xlsx", "products"), [{"商品编码": "00123", "商品名称": "台灯"}], start=2)
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_products(path)
    problem = info.value.problems[0]
    assert problem.row == 2 and "still marked as the template's example" in str(problem)
    assert EXAMPLE_MARK["zh"] in str(problem)
    assert Product.select().count() == 0


@needs_soffice
def test_filled_templates_keep_leading_zeros_and_long_serials_through_a_spreadsheet(shop, tmp_path):
    # products: the example left in place, two real rows typed below it
    products = fill(write_template(tmp_path / "products.xlsx", "products"), [
        {"商品编码": "00123", "条码": "0012345678905", "商品名称": "智能手机 Y2", "序列号管理": "是", "售价": 1999},
        {"商品编码": "000456", "商品名称": "台灯", "序列号管理": "否", "售价": 99},
    ])
    products = resaved_by_libreoffice(products, tmp_path / "lo")
    ws = load_workbook(products).worksheets[0]
    assert ws["A3"].value == "00123" and ws["A500"].number_format == "@"  # the format survives the save
    assert ws.data_validations.dataValidation  # and so do the lists
    changes = import_products(products)
    assert changes.created == 2 and any("Row 2 is still the template's example" in m for m in changes.messages)
    phone = Product.get(Product.sku == "00123")
    assert phone.barcode == "0012345678905" and phone.serialised
    assert not Product.select().where(Product.sku == "SJ-1001").exists()  # the example was not imported

    sales = fill(write_template(tmp_path / "sales.xlsx", "sales"), [
        {"单号": "000789", "日期": "2026-05-02", "电话": "13800138000", "商品编码": "00123",
         "序列号": LONG_SERIAL, "数量": 1, "单价": 1999, "批次": "0007"},
    ])
    changes = import_sales(resaved_by_libreoffice(sales, tmp_path / "lo"))
    assert changes.created == 1
    line = SaleLine.get(SaleLine.serial == LONG_SERIAL)
    assert line.sale.receipt_no == "000789" and line.batch == "0007" and line.product.sku == "00123"
    assert Sale.get(Sale.receipt_no == "000789").customer.phone == "13800138000"

    opening = fill(write_template(tmp_path / "opening.xlsx", "opening"), [
        {"商品编码": "00123", "库区": "可销售库存", "数量": 1, "序列号": "98765432109876543210"},
        {"商品编码": "000456", "库区": "特价区", "数量": 4},
    ])
    changes = import_opening_stock(resaved_by_libreoffice(opening, tmp_path / "lo"))
    assert changes.created == 2
    assert serial_location(phone, "98765432109876543210").code == "sellable"
    assert on_hand(Product.get(Product.sku == "000456"), "resale") == 4


@needs_soffice
def test_an_english_template_round_trips_too(shop, tmp_path):
    path = fill(write_template(tmp_path / "opening.xlsx", "products", chinese=False),
                [{"SKU": "0042", "Name": "Desk lamp", "Serialised": "No"}])
    changes = import_products(resaved_by_libreoffice(path, tmp_path / "lo"))
    assert changes.created == 1 and Product.get(Product.sku == "0042").name == "Desk lamp"
