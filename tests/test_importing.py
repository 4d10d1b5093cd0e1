"""Importing the shop's data from .xlsx: all or nothing, every problem reported, no duplicates."""

import datetime as dt
from decimal import Decimal

import pytest

from shop_aftersales.models import Customer, ImportLog, Product, Sale, SaleLine, StockMove, Supplier
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.importing import ImportFailed, import_opening_stock, import_products, import_sales
from shop_aftersales.services.ledger import on_hand, serial_location

PRODUCT_HEADER = ["商品编码", "条码", "商品名称", "型号", "分类", "品牌", "供应商", "售价", "成本", "序列号管理"]
SALES_HEADER = ["单号", "日期", "客户", "电话", "商品编码", "商品名称", "型号", "序列号", "数量", "单价", "供应商", "批次"]


@pytest.fixture
def catalogue(shop, xlsx):
    import_products(xlsx([
        PRODUCT_HEADER,
        ["SJ-1", "690001", "智能手机 X1", "8+256G", "手机", "星河", "深圳星河电子", "2999", "2100", "是"],
        ["YZ-1", "690002", "人体工学椅", "黑色", "椅子", "安吉", "安吉家具", 1299.5, 780, "否"],
        ["HZ-1", None, "补水面膜", "5片装", "化妆品", "美妍", "上海美妍", "129", "45", ""],
    ]))
    return shop


def snapshot():
    return {m.__name__: m.select().count() for m in (Product, Sale, SaleLine, Customer, StockMove, Supplier)}


def problems_of(exc: ImportFailed) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message()) for p in exc.problems]


# --------------------------------------------------------------------- products

def test_products_import_with_chinese_headers(catalogue):
    phone = Product.get(Product.sku == "SJ-1")
    assert phone.serialised and phone.list_price == Decimal("2999.00") and phone.cost == Decimal("2100.00")
    assert phone.category.name == "手机" and phone.supplier.name == "深圳星河电子"
    chair = Product.get(Product.sku == "YZ-1")
    assert chair.list_price == Decimal("1299.50") and not chair.serialised
    assert Product.get(Product.sku == "HZ-1").barcode is None


def test_products_import_with_english_headers_updates_existing(catalogue, xlsx):
    changes = import_products(xlsx([["SKU", "Name", "List price"], ["YZ-1", "Ergonomic chair", "1199"],
                                    ["NEW-1", "Lipstick", "229"]]))
    assert changes.created == 1 and changes.skipped == 1
    assert Product.get(Product.sku == "YZ-1").name == "Ergonomic chair"
    assert Product.get(Product.sku == "YZ-1").cost == Decimal("780.00")  # column absent: unchanged


# --------------------------------------------------------------------- sales

def good_sales_rows():
    return [
        SALES_HEADER,
        ["XS-001", dt.datetime(2026, 3, 18, 14, 5), "王芳", "13800138000", "SJ-1", "智能手机 X1", "", "SN0001", 1, 2999, "深圳星河电子", "B2603"],
        ["XS-001", dt.datetime(2026, 3, 18, 14, 5), "王芳", "13800138000", "HZ-1", "补水面膜", "", "", 2, "129.00", "上海美妍", "M01"],
        ["XS-002", "2026/03/19", "李雷", "13900139000", "YZ-1", "人体工学椅", "", "", 1, 1299, "", ""],
    ]


def test_sales_import_creates_receipts_lines_and_customers(catalogue, xlsx):
    changes = import_sales(xlsx(good_sales_rows()))
    assert changes.created == 2 and changes.skipped == 0
    sale = Sale.get(Sale.receipt_no == "XS-001")
    assert sale.sold_at == dt.datetime(2026, 3, 18, 14, 5)
    assert sale.customer.name == "王芳" and sale.customer.phone == "13800138000"
    lines = list(sale.lines.order_by(SaleLine.line_no))
    assert [(l.product.sku, l.serial, l.quantity, l.unit_price, l.batch) for l in lines] == [
        ("SJ-1", "SN0001", 1, Decimal("2999.00"), "B2603"), ("HZ-1", None, 2, Decimal("129.00"), "M01")]
    assert Sale.get(Sale.receipt_no == "XS-002").sold_at == dt.datetime(2026, 3, 19)
    assert ImportLog.select().count() == 2  # products + sales
    assert StockMove.select().count() == 0  # a POS sale is a record, not a move of our stock


def test_importing_the_same_receipts_twice_does_not_duplicate_them(catalogue, xlsx):
    path = xlsx(good_sales_rows())
    import_sales(path)
    before = snapshot()
    changes = import_sales(path)
    assert changes.created == 0 and changes.skipped == 2
    assert snapshot() == before
    # the message names the receipts that were left as they were, and nothing says they differ
    assert any("XS-001, XS-002" in m for m in changes.messages), changes.messages
    assert not any("differ" in m for m in changes.messages)


def test_a_receipt_imported_again_with_other_lines_is_named_and_left_alone(catalogue, xlsx):
    """A till export that overlaps the last one, where the till corrected a receipt in between: the receipt is
    already in the shop, so it is skipped — but the shop assistant is told which one differs."""
    import_sales(xlsx(good_sales_rows()))
    before = snapshot()
    rows = good_sales_rows()
    rows[3][8] = 2  # XS-002: two chairs now
    rows.append(["XS-003", "2026/03/20", "", "", "HZ-1", "补水面膜", "", "", 1, 129, "", ""])
    changes = import_sales(xlsx(rows))
    assert changes.created == 1 and changes.skipped == 2
    differ = [m for m in changes.messages if "differ" in m]
    assert len(differ) == 1 and "XS-002" in differ[0] and "XS-001" not in differ[0], changes.messages
    assert SaleLine.get(SaleLine.sale == Sale.get(Sale.receipt_no == "XS-002")).quantity == 1
    assert snapshot()["Sale"] == before["Sale"] + 1


def test_a_customer_is_matched_by_phone(catalogue, xlsx):
    import_sales(xlsx(good_sales_rows()))
    import_sales(xlsx([SALES_HEADER, ["XS-003", "2026-04-01", "王芳", "13800138000", "HZ-1", "", "", "", 1, 129, "", ""]]))
    assert Customer.select().where(Customer.phone == "13800138000").count() == 1


def test_a_bad_sales_file_writes_nothing_and_reports_every_problem(catalogue, xlsx):
    before = snapshot()
    rows = good_sales_rows() + [
        ["XS-010", "2026-13-45", "赵六", "", "SJ-1", "", "", "SN0002", 1, 2999, "", ""],   # row 5 bad date
        ["XS-011", "2026-03-20", "", "", "GHOST", "", "", "", 1, 10, "", ""],              # row 6 unknown SKU
        ["XS-012", "2026-03-20", "", "", "HZ-1", "", "", "", -2, 129, "", ""],             # row 7 negative qty
        ["XS-013", "2026-03-20", "", "", "HZ-1", "", "", "", 1, -5, "", ""],               # row 8 negative price
        ["XS-014", "2026-03-20", "", "", "SJ-1", "", "", "SN0001", 1, 2999, "", ""],       # row 9 serial sold twice
        ["XS-015", "2026-03-20", "", "", "HZ-1", "", "", "", "two", "abc", "", ""],        # row 10 two bad cells
        ["", "2026-03-20", "", "", "HZ-1", "", "", "", 1, 1, "", ""],                      # row 11 no receipt
    ]
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx(rows))
    found = problems_of(info.value)
    rows_with_problems = {row for row, _col, _msg in found}
    assert rows_with_problems == {5, 6, 7, 8, 9, 10, 11}
    assert (5, "日期", "'2026-13-45' is not a date (write it like 2026-03-18).") in found
    assert any(r == 6 and c == "商品编码" and "GHOST" in m for r, c, m in found)
    assert any(r == 7 and c == "数量" and "more than zero" in m for r, c, m in found)
    assert any(r == 8 and c == "单价" and "cannot be negative" in m for r, c, m in found)
    assert any(r == 9 and c == "序列号" and "sold twice" in m and "row 2" in m for r, c, m in found)
    assert len([1 for r, _c, _m in found if r == 10]) == 2
    assert any(r == 11 and c == "单号" for r, c, _m in found)
    assert snapshot() == before
    assert "row 7, column '数量'" in info.value.report()


def test_a_serial_already_sold_on_another_receipt_is_refused(catalogue, xlsx):
    import_sales(xlsx(good_sales_rows()))
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_sales(xlsx([SALES_HEADER, ["XS-100", "2026-05-01", "", "", "SJ-1", "", "", "SN0001", 1, 2999, "", ""]]))
    assert "already sold on receipt XS-001" in str(info.value.problems[0])


def test_a_receipt_with_two_dates_is_refused(catalogue, xlsx):
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([SALES_HEADER,
                           ["XS-1", "2026-05-01", "", "", "HZ-1", "", "", "", 1, 1, "", ""],
                           ["XS-1", "2026-05-02", "", "", "HZ-1", "", "", "", 1, 1, "", ""]]))
    assert problems_of(info.value)[0][:2] == (3, "日期")


@pytest.mark.parametrize("name, content, expected", [
    ("sales.csv", b"a,b\n1,2\n", "is not an Excel .xlsx file"),
    ("sales.xlsx", b"PK\x03\x04 this is not really a zip", "cannot be read as an Excel workbook"),
    ("sales.xlsx", b"plain text pretending", "is a text (CSV) file, not an Excel workbook"),
])
def test_files_that_are_not_workbooks_are_refused(catalogue, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_sales(path)
    assert expected in str(info.value.problems[0])


def test_empty_files_and_missing_columns_are_refused(catalogue, xlsx):
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([]))
    assert "no header row" in str(info.value.problems[0])
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([SALES_HEADER]))
    assert "no data rows" in str(info.value.problems[0])
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([["单号", "客户", "商品编码", "数量"], ["X", "Y", "HZ-1", 1]]))
    messages = [str(p) for p in info.value.problems]
    assert any("'日期' (Date) is missing" in m for m in messages)
    assert any("'单价' (Unit price) is missing" in m for m in messages)


def test_a_missing_file_is_refused(shop, tmp_path):
    with pytest.raises(ImportFailed, match="1 problem"):
        import_sales(tmp_path / "nowhere.xlsx")


# --------------------------------------------------------------------- opening stock

def test_opening_stock_arrives_as_moves_from_the_adjustment_location(catalogue, xlsx):
    changes = import_opening_stock(xlsx([
        ["商品编码", "库区", "数量", "序列号"],
        ["HZ-1", "可销售库存", 30, ""],
        ["YZ-1", "Sellable stock", 4, ""],
        ["YZ-1", "特价区", 1, ""],
        ["SJ-1", "sellable", 1, "SN9001"],
        ["SJ-1", "可销售库存", 1, "SN9002"],
    ]))
    assert changes.created == 5
    hz = Product.get(Product.sku == "HZ-1")
    assert on_hand(hz, "sellable") == 30
    assert on_hand(Product.get(Product.sku == "YZ-1"), "resale") == 1
    assert serial_location(Product.get(Product.sku == "SJ-1"), "SN9002").code == "sellable"
    assert all(m.from_location.code == "adjustment" and m.reference.startswith("QC") for m in StockMove.select())
    assert run_checks() == []


def test_opening_stock_twice_and_bad_rows_are_refused(catalogue, xlsx):
    import_opening_stock(xlsx([["SKU", "Zone", "Quantity"], ["HZ-1", "sellable", 5]]))
    before = snapshot()
    with pytest.raises(ImportFailed) as info:
        import_opening_stock(xlsx([
            ["SKU", "Zone", "Quantity", "Serial"],
            ["HZ-1", "sellable", 5, ""],          # 2 already has opening stock
            ["HZ-1", "attic", 5, ""],             # 3 unknown zone
            ["SJ-1", "sellable", 1, ""],          # 4 serial missing
            ["SJ-1", "sellable", 2, "SNX"],       # 5 quantity must be 1
            ["YZ-1", "sellable", 1, "SNY"],       # 6 serial on a non-serialised product
            ["YZ-1", "customer", 1, ""],          # 7 not an internal zone
        ]))
    assert [row for row, _c, _m in problems_of(info.value)] == [2, 3, 4, 5, 6, 7]
    assert snapshot() == before


# --------------------------------------------------------------------- the header under a title

def _titled(path, rows, title_rows, merged=True, empty_after=1):
    """A POS export: title rows (merged over the columns or not), empty rows, then the header and the data."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for number, title in enumerate(title_rows, start=1):
        ws.cell(row=number, column=1, value=title)
        if merged:
            ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(rows[0]))
    for offset, row in enumerate(rows, start=len(title_rows) + empty_after + 1):
        for column, value in enumerate(row, start=1):
            ws.cell(row=offset, column=column, value=value)
    wb.save(path)
    return path


@pytest.mark.parametrize("titles, merged", [
    (["XX门店销售明细 2026-11"], True),
    (["XX门店销售明细 2026-11"], False),
    (["XX门店销售明细", "统计期间：2026-11-01 至 2026-11-30"], True),
])
def test_the_header_is_found_under_title_rows(catalogue, tmp_path, titles, merged):
    rows = good_sales_rows()
    path = _titled(tmp_path / "pos.xlsx", rows, titles, merged)
    header_row = len(titles) + 2
    changes = import_sales(path)
    assert changes.created == 2
    assert Sale.get(Sale.receipt_no == "XS-001").customer.phone == "13800138000"
    # a bad row is named by its real sheet row
    bad = rows + [["XS-9", "2026-13-45", "", "", "HZ-1", "", "", "", 1, 1, "", ""]]
    with pytest.raises(ImportFailed) as info:
        import_sales(_titled(tmp_path / "bad.xlsx", bad, titles, merged))
    assert problems_of(info.value) == [(header_row + len(bad) - 1, "日期",
                                        "'2026-13-45' is not a date (write it like 2026-03-18).")]
    assert f"row {header_row + len(bad) - 1}, column '日期'" in info.value.report()


def test_a_missing_column_names_the_real_header_row(catalogue, tmp_path):
    rows = [["单号", "客户", "商品编码", "数量"], ["X", "Y", "HZ-1", 1]]
    with pytest.raises(ImportFailed) as info:
        import_sales(_titled(tmp_path / "pos.xlsx", rows, ["XX门店销售明细 2026-11"], empty_after=2))
    found = [str(p) for p in info.value.problems]
    assert {p.row for p in info.value.problems} == {4}  # title, two empty rows, the header on row 4
    assert any(m.startswith("row 4: The required column '日期' (Date) is missing") for m in found)


def test_a_sheet_with_no_header_at_all_says_so(catalogue, xlsx):
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_sales(xlsx([["门店销售明细"], ["abc", "def"], [1, 2]]))
    assert "No header row was found in the first 20 rows" in str(info.value.problems[0])
    assert "单号 (Receipt no)" in str(info.value.problems[0])


def test_long_codes_a_spreadsheet_turned_into_numbers_are_refused_not_mangled(catalogue, xlsx):
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([SALES_HEADER,
                           ["XS-1", "2026-05-01", "", 13800138000, "SJ-1", "", "", 1.2345678901234568e+20, 1, 1, "", ""],
                           ["XS-2", "2026-05-01", "", "", "SJ-1", "", "", "1.23457E+20", 1, 1, "", ""]]))
    found = problems_of(info.value)
    assert [(r, c) for r, c, _m in found] == [(2, "序列号"), (3, "序列号")]
    assert "lost digits" in found[0][2] and "text" in found[0][2]


def test_a_code_that_only_looks_like_a_number_is_a_code(catalogue, xlsx):
    """12E45 and 3E100 are serials a shop can have: only the way a spreadsheet shows a rounded number is refused."""
    done = import_sales(xlsx([SALES_HEADER,
                              ["XS-1", "2026-05-01", "", "", "SJ-1", "", "", "12E45", 1, 1, "", ""],
                              ["XS-2", "2026-05-01", "", "", "SJ-1", "", "", "3e100", 1, 1, "", ""]]))
    assert done.created
    from shop_aftersales.models import SaleLine

    assert {l.serial for l in SaleLine.select()} >= {"12E45", "3e100"}


# --------------------------------------------------------------------- hostile workbooks

def _raw_xlsx(path, body_chunks):
    """An .xlsx-shaped zip whose sheet is streamed from *body_chunks* (bytes)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            for chunk in body_chunks:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_a_million_rows_is_refused_before_it_is_read(catalogue, tmp_path):
    row = b"<row>" + b"".join(b'<c t="inlineStr"><is><t>SKU-1 item</t></is></c>' for _ in range(12)) + b"</row>"
    path = _raw_xlsx(tmp_path / "million.xlsx", (row * 1000 for _ in range(1000)))
    before = snapshot()
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_sales(path)
    assert "too large for one import" in str(info.value.problems[0])
    assert snapshot() == before


def test_a_zip_bomb_is_refused(catalogue, tmp_path):
    cell = b'<row><c t="inlineStr"><is><t>' + b"A" * (1024 * 1024) + b"</t></is></c></row>"
    path = _raw_xlsx(tmp_path / "bomb.xlsx", (cell for _ in range(300)))  # a few hundred KB, unpacks to 300 MB
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImportFailed, match="1 problem") as info:
        import_sales(path)
    assert "too large" in str(info.value.problems[0])


def test_formulas_merged_cells_and_wrong_types_never_crash_nor_write(catalogue, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(SALES_HEADER)
    ws.append(["XS-F1", "2026-03-18", "=HYPERLINK(\"http://evil\")", "138", "SJ-1", "", "", "SN-F1", 1, 2999, "", ""])
    ws.append(["XS-F2", "2026-03-18", "", "", "HZ-1", "", "", "", "=2*3", 129, "", ""])          # a formula qty
    ws.append(["XS-F3", None, "", "", "HZ-1", "", "", "", 1, 129, "", ""])
    ws.merge_cells("B3:B4")                                                                    # merged date cells
    ws.append(["XS-F4", 46099, "", "", "HZ-1", "", "", "", True, 129, "", ""])                 # TRUE as a quantity
    ws.append(["XS-F5", "2026-03-18", "", "", 12345, "", "", "", 1.5, "¥12", "", ""])          # numbers for text
    path = tmp_path / "hostile.xlsx"
    wb.save(path)
    before = snapshot()
    with pytest.raises(ImportFailed) as info:
        import_sales(path)
    found = problems_of(info.value)
    rows = {r for r, _c, _m in found}
    assert 3 in rows   # the formula quantity has no value: reported, never evaluated
    assert 4 in rows   # the merged date leaves row 4 without one
    assert 6 in rows   # 1.5 is not a whole number, SKU 12345 is unknown
    assert 5 in rows   # TRUE is not a quantity
    assert 2 not in rows  # a formula in a text column is just an empty cell: the row is otherwise fine
    assert snapshot() == before


def test_a_date_typed_as_an_excel_serial_number_is_read(catalogue, xlsx):
    import_sales(xlsx([SALES_HEADER, ["XS-D", 46099, "", "", "HZ-1", "", "", "", 1, 129, "", ""]]))
    assert Sale.get(Sale.receipt_no == "XS-D").sold_at == dt.datetime(2026, 3, 18)


# --------------------------------------------------------------------- what a cell may hold (issue 16)

from shop_aftersales.services.importing import CellError, code, date, price, quantity, words  # noqa: E402


@pytest.mark.parametrize("written, amount", [
    ("1.299,00", "1299.00"), ("1 299,00", "1299.00"), ("1\u00a0299,00", "1299.00"), ("1\u202f299,50", "1299.50"),
    ("2999,5", "2999.50"), ("0,99", "0.99"), ("1,299", "1299.00"), ("1,299.50", "1299.50"), ("1 299.50", "1299.50"),
    ("1.299.000", "1299000.00"), ("１２９９．００", "1299.00"), ("¥1,299.00", "1299.00"), ("￥129", "129.00"),
    ("129元", "129.00"), ("2999.0000", "2999.00"), (1299.5, "1299.50"), (129, "129.00"), ("\u200b129", "129.00"),
])
def test_amounts_written_the_european_or_the_full_width_way_are_read_right(written, amount):
    assert price(written) == Decimal(amount)


@pytest.mark.parametrize("written, says", [
    ("1.299", "more than two decimal places"), ("1,2999", "not an amount"), ("1.299,5,0", "not an amount"),
    ("1'299.00", "not an amount"), ("1e3", "not an amount"), ("1e400", "not an amount"), ("inf", "not an amount"),
    ("NaN", "not an amount"), ("Infinity", "not an amount"), ("1" * 30, "implausibly large"),
    (float("inf"), "implausibly large"), (float("nan"), "not an amount"), (10 ** 30, "implausibly large"),
    (1e300, "implausibly large"), ("-5", "cannot be negative"), (True, "not an amount"),
    (dt.datetime(2026, 1, 1), "not an amount"),
])
def test_amounts_that_cannot_be_read_unambiguously_are_refused(written, says):
    with pytest.raises(CellError) as info:
        price(written)
    assert says in info.value.source.format(**info.value.params)


@pytest.mark.parametrize("written, expected", [("3", 3), ("３", 3), ("1,000", 1000), (2.0, 2), ("2,5", None),
                                               ("2.5", None), (1e300, None), ("1" * 30, None), ("1e400", None),
                                               (float("inf"), None), (0, None), ("1 000", 1000)])
def test_quantities(written, expected):
    if expected is None:
        with pytest.raises(CellError):
            quantity(written)
    else:
        assert quantity(written) == expected


@pytest.mark.parametrize("written, expected", [
    ("HZ-1\u200b", "HZ-1"), ("\ufeffHZ-1", "HZ-1"), ("H\u200cZ\u200d-\u20601", "HZ-1"), ("ＨＺ－１", "HZ-1"),
    ("\u3000HZ-1\u00a0", "HZ-1"), (" HZ-1\n", "HZ-1"), ("\u202eHZ-1", "HZ-1"), ("00123", "00123"), (12345, "12345"),
    ("HZ\x07-1", None), ("SN1\nSN2", None), ("SN1\tSN2", None), ("H\x85Z", None), ("X" * 101, None),
])
def test_codes_are_normalised_so_the_same_code_is_the_same_and_control_characters_refused(written, expected):
    if expected is None:
        with pytest.raises(CellError):
            code(written)
    else:
        assert code(written) == expected


def test_free_text_drops_invisible_characters_and_refuses_control_characters():
    assert words("王\u200b芳") == "王芳"
    assert words("智能手机\u00a0X1\n") == "智能手机 X1"
    assert words("人体工学椅（黑）") == "人体工学椅（黑）"  # full-width signs in a name are the name's own
    for bad in ("a\x85b", "a\x7fb", "a\x01b", "长" * 1001):
        with pytest.raises(CellError):
            words(bad)


def test_a_sale_date_is_refused_after_tomorrow_and_before_2000_by_the_app_clock():
    from shop_aftersales import clock

    assert date("2026-06-18") == dt.datetime(2026, 6, 18)  # tomorrow of TEST_NOW (2026-06-17): a time zone away
    assert date("２０２６－０５－０１") == dt.datetime(2026, 5, 1)
    assert date(20260501) == dt.datetime(2026, 5, 1)
    for bad, says in (("2026-06-19", "in the future"), ("2099-01-01", "in the future"), (73051, "in the future"),
                      (dt.datetime(9999, 12, 31), "in the future"), ("1999-12-31", "before 2000"),
                      (float("inf"), "not a date")):
        with pytest.raises(CellError) as info:
            date(bad)
        assert says in info.value.source.format(**info.value.params)
    with clock.frozen(dt.datetime(2031, 2, 28, 23, 59)):
        assert date("2031-03-01") == dt.datetime(2031, 3, 1)
        with pytest.raises(CellError):
            date("2031-03-02")


def test_a_sku_with_a_zero_width_space_or_in_full_width_is_the_known_product(catalogue, xlsx):
    count = Product.select().count()
    changes = import_products(xlsx([["商品编码", "商品名称"], ["HZ-1\u200b", "补水面膜 10片"], ["ＹＺ－１", "人体工学椅 II"]]))
    assert changes.created == 0 and changes.skipped == 2
    assert Product.select().count() == count
    assert Product.get(Product.sku == "HZ-1").name == "补水面膜 10片"
    assert Product.get(Product.sku == "YZ-1").name == "人体工学椅 II"
    import_sales(xlsx([SALES_HEADER, ["XS-ZW", "2026-05-01", "", "", "\ufeffHZ-1", "", "", "", 1, "129,00", "", ""]]))
    line = Sale.get(Sale.receipt_no == "XS-ZW").lines.get()
    assert line.product.sku == "HZ-1" and line.unit_price == Decimal("129.00")


def test_two_columns_for_the_same_field_are_refused_not_guessed(catalogue, xlsx):
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([["单号", "日期", "商品编码", "数量", "售价", "单价"], ["X", "2026-05-01", "HZ-1", 1, 199, 129]]))
    assert [(p.row, p.column) for p in info.value.problems] == [(1, "单价")]
    assert "column E ('售价')" in str(info.value.problems[0])


def test_the_refusal_names_the_file(catalogue, xlsx):
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx([SALES_HEADER, ["XS-1", "2099-05-01", "", "", "HZ-1", "", "", "", 1, 1, "", ""]],
                          name="收银导出.xlsx"))
    assert info.value.report().startswith("收银导出.xlsx: The file was not imported: 1 problem(s) found.")
    assert problems_of(info.value)[0][:2] == (2, "日期")


def test_a_hidden_sheet_is_not_what_is_imported(catalogue, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    hidden = wb.active
    hidden.append(SALES_HEADER)
    hidden.append(["XS-HIDDEN", "2026-05-01", "", "", "HZ-1", "", "", "", 1, 1, "", ""])
    hidden.sheet_state = "hidden"
    shown = wb.create_sheet("销售")
    shown.append(SALES_HEADER)
    shown.append(["XS-SHOWN", "2026-05-01", "", "", "HZ-1", "", "", "", 1, 129, "", ""])
    wb.active = 1
    wb.save(tmp_path / "two.xlsx")
    import_sales(tmp_path / "two.xlsx")
    assert [s.receipt_no for s in Sale.select()] == ["XS-SHOWN"]


# --------------------------------------------------------------------- who sold it (issue 18)

def seller_rows(*names_by_receipt):
    """A sales file with the salesperson column: one receipt (one line) per name; None leaves the cell empty."""
    rows = [SALES_HEADER + ["销售员"]]
    for n, name in enumerate(names_by_receipt, start=1):
        rows.append([f"XS-S{n}", "2026-03-20", "", "", "HZ-1", "", "", "", 1, 129, "", "", name])
    return rows


def sold_by(receipt: str) -> str | None:
    sale = Sale.get(Sale.receipt_no == receipt)
    return sale.staff.name if sale.staff_id else None


def test_the_salesperson_is_matched_to_staff_by_name_trimmed_and_regardless_of_case(catalogue, xlsx):
    from shop_aftersales.models import Staff

    Staff.create(name="Wang Li", role="sales")
    Staff.create(name="李娜", role="sales")
    changes = import_sales(xlsx(seller_rows("  wang LI ", "李娜", "ＷＡＮＧ  Li", None)))
    assert changes.created == 4
    assert [sold_by(f"XS-S{n}") for n in (1, 2, 3, 4)] == ["Wang Li", "李娜", "Wang Li", None]
    assert Staff.select().count() == 2  # nobody was made up


@pytest.mark.parametrize("header", ["销售员", "营业员", "导购", "Salesperson", "Sales person", "Staff"])
def test_every_name_of_the_salesperson_column_is_read(catalogue, xlsx, header):
    from shop_aftersales.models import Staff

    Staff.create(name="李娜", role="sales")
    rows = seller_rows("李娜")
    rows[0][-1] = header
    import_sales(xlsx(rows))
    assert sold_by("XS-S1") == "李娜"


def test_unknown_salespeople_stop_the_import_before_anything_is_written_and_are_listed_with_their_rows(
        catalogue, xlsx):
    from shop_aftersales.models import Staff
    from shop_aftersales.services.salespeople import UnknownSalespeople

    Staff.create(name="李娜", role="sales")
    before = snapshot()
    with pytest.raises(UnknownSalespeople) as info:
        import_sales(xlsx(seller_rows("小王", "李娜", "小王", "阿强")))
    assert [(n.name, n.rows) for n in info.value.names] == [("小王", (2, 4)), ("阿强", (5,))]
    assert problems_of(info.value) == [
        (2, "销售员", "No staff member is called '小王' (row(s) 2, 4)."),
        (5, "销售员", "No staff member is called '阿强' (row(s) 5).")]
    assert "create each name or map it to a staff member" in info.value.report()  # how to fix it
    assert snapshot() == before and Staff.select().count() == 1


def test_unknown_names_are_listed_with_the_other_problems(catalogue, xlsx):
    from shop_aftersales.services.salespeople import UnknownSalespeople

    rows = seller_rows("小王", "小王")
    rows[2][4] = "GHOST"  # row 3: an unknown SKU as well
    with pytest.raises(UnknownSalespeople) as info:
        import_sales(xlsx(rows))
    assert [r for r, _c, _m in problems_of(info.value)] == [2, 3]
    assert [n.name for n in info.value.names] == ["小王"]


def test_a_receipt_with_two_salespeople_is_refused(catalogue, xlsx):
    from shop_aftersales.models import Staff

    Staff.create(name="李娜", role="sales")
    Staff.create(name="王丽", role="sales")
    rows = seller_rows("李娜", "王丽")
    rows[2][0] = "XS-S1"  # the second line belongs to the first receipt
    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx(rows))
    assert problems_of(info.value) == [(3, "销售员", "Receipt XS-S1 has a different value here than on row 2.")]
    # one line naming the salesperson and one leaving it empty is one receipt sold by that salesperson
    rows[2][-1] = None
    import_sales(xlsx(rows))
    assert sold_by("XS-S1") == "李娜"


def test_created_and_mapped_names_import_and_a_mapping_is_remembered_for_the_next_import(catalogue, xlsx):
    from shop_aftersales.models import SettingChange, Staff
    from shop_aftersales.models.staff_alias import StaffAlias
    from shop_aftersales.services.salespeople import NameChoice, UnknownSalespeople

    wang = Staff.create(name="王丽", role="sales")
    path = xlsx(seller_rows("小王", "阿强", "小王"))
    changes = import_sales(path, salespeople=[NameChoice("小王", wang.id), NameChoice("阿强")])
    assert changes.created == 3
    assert [sold_by(f"XS-S{n}") for n in (1, 2, 3)] == ["王丽", "阿强", "王丽"]
    qiang = Staff.get(Staff.name == "阿强")
    assert (qiang.role, qiang.active, qiang.pin_hash) == ("sales", True, "")
    assert "New sales staff: 阿强." in changes.messages
    assert "Read as staff members, and remembered for the next imports: 小王 → 王丽." in changes.messages
    assert SettingChange.select().where(SettingChange.area == "staff", SettingChange.subject == "阿强").exists()
    assert [(a.name, a.written, a.staff_id) for a in StaffAlias.select()] == [("小王", "小王", wang.id)]
    # next month's file names 小王 again: no question asked
    changes = import_sales(xlsx([SALES_HEADER + ["营业员"],
                                 ["XS-N1", "2026-04-02", "", "", "HZ-1", "", "", "", 1, 129, "", "", " 小王 "]]))
    assert sold_by("XS-N1") == "王丽"
    assert "Read as staff members, as remembered from earlier imports: 小王 → 王丽." in changes.messages
    # a choice for this import only is not remembered
    # the receipts imported before are skipped, whoever the file says sold them: no question about them
    assert import_sales(xlsx(seller_rows("老李"))).created == 0
    with pytest.raises(UnknownSalespeople):
        import_sales(xlsx([SALES_HEADER + ["销售员"], ["XS-L0", "2026-04-03", "", "", "HZ-1", "", "", "", 1, 1, "", "",
                                                     "老李"]]))
    import_sales(xlsx([SALES_HEADER + ["销售员"], ["XS-L1", "2026-04-03", "", "", "HZ-1", "", "", "", 1, 1, "", "", "老李"]]),
                 salespeople=[NameChoice("老李", wang.id)], remember=False)
    assert sold_by("XS-L1") == "王丽" and StaffAlias.select().count() == 1


def test_creating_salespeople_needs_the_owners_pin_once_the_owner_has_one(catalogue, xlsx):
    from shop_aftersales.errors import DomainError
    from shop_aftersales.models import Staff
    from shop_aftersales.services.salespeople import NameChoice
    from shop_aftersales.services.staff import Approval, save_staff

    save_staff(None, "店长", "owner", True, "2468", None)
    owner = Staff.get(Staff.name == "店长")
    clerk = Staff.create(name="小张", role="sales")
    before = snapshot()
    path = xlsx(seller_rows("阿强"))
    with pytest.raises(DomainError, match="owner's approval"):
        import_sales(path, staff=clerk, salespeople=[NameChoice("阿强")])
    with pytest.raises(DomainError, match="Wrong PIN"):
        import_sales(path, staff=clerk, salespeople=[NameChoice("阿强")], approval=Approval(owner, "1111"))
    assert snapshot() == before and not Staff.select().where(Staff.name == "阿强").exists()
    import_sales(path, staff=clerk, salespeople=[NameChoice("阿强")], approval=Approval(owner, "2468"))
    assert sold_by("XS-S1") == "阿强"


def test_a_choice_naming_a_staff_member_who_does_not_exist_is_refused(catalogue, xlsx):
    from shop_aftersales.services.salespeople import NameChoice

    with pytest.raises(ImportFailed) as info:
        import_sales(xlsx(seller_rows("小王")), salespeople=[NameChoice("小王", 9999)])
    assert "no longer exists" in problems_of(info.value)[0][2]
    assert Sale.select().count() == 0


def test_the_cli_refuses_unknown_salespeople_and_says_how_to_fix_it(catalogue, xlsx, data_dir):
    import subprocess
    import sys

    from helpers import app_env

    from shop_aftersales.models.database import close_database

    path = xlsx(seller_rows("小王"))
    close_database()
    result = subprocess.run([sys.executable, "-m", "shop_aftersales", "import-sales", str(path), "--data-dir",
                             str(data_dir), "--lang", "en"], capture_output=True, text=True, env=app_env(), timeout=120)
    assert result.returncode == 1, result.stderr
    assert "No staff member is called '小王' (row(s) 2)" in result.stderr
    assert "Settings → Staff and PINs…" in result.stderr and "Traceback" not in result.stderr


def test_the_remembered_names_table_matches_its_model(shop):
    from shop_aftersales.models import db
    from shop_aftersales.models.staff_alias import StaffAlias

    columns = {c.name for c in db.get_columns("staff_alias")}
    assert columns == {f.column_name for f in StaffAlias._meta.sorted_fields}
    indexes = {i.name for i in db.get_indexes("staff_alias")}
    assert {index._name for index in StaffAlias._meta.fields_to_index()} <= indexes
