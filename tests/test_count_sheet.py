"""The count sheet on paper: the .xlsx printed by LibreOffice (as the shop prints it) fits the page width, keeps
the products beside the empty "Counted" column, repeats its header on every page, hides the expected quantities
unless asked, and ends with the counter's signature line; the same sheet through the print preview; the
stock-count screen offers both, blind by default."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers import TEST_NOW, flat, pdf_text, settle
from shop_aftersales.models import Product
from shop_aftersales.services import settings as shop_settings
from shop_aftersales.services import stock_count
from shop_aftersales.services.base import business_step
from shop_aftersales.services.ledger import MoveRequest, move

LONG_NAME = "超长名称的人体工学办公椅 加宽加厚 豪华版 第{i}号"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed; CI installs libreoffice-calc")


def soffice_pdf(xlsx: Path, out: Path) -> Path:
    """*xlsx* printed to PDF by LibreOffice, with a private profile (parallel runs must not share one)."""
    profile = out / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(xlsx)], check=True, capture_output=True, timeout=180)
    return out / (xlsx.stem + ".pdf")


def pages_of(pdf: Path) -> list[str]:
    """The text of each page, white space removed, as poppler's pdftotext reads it."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [flat(subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                text=True, check=True).stdout) for n in range(1, count + 1)]


@pytest.fixture
def sixty(shop):
    """A shop with 58 products (long Chinese names, SKUs with leading zeros) and two serialised phones in the
    sellable zone, and a count of it open: 60 lines."""

    @business_step
    def stock():
        for i in range(58):
            product = Product.create(sku=f"00{i:03d}", name=LONG_NAME.format(i=i), model="黑色", bin=f"B-{i // 10:02d}",
                                     list_price=Decimal(100))
            move(MoveRequest(product, 100 + i, "adjustment", "sellable"))
        phone = Product.create(sku="SJ-1", name="智能手机 X1", serialised=True, list_price=Decimal(1000))
        for serial in ("123456789012345678901", "SN2"):
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial=serial))

    stock()
    shop_settings.update({shop_settings.SHOP_NAME: "深圳华强北星河数码家居生活馆（旗舰店）"})
    return stock_count.start_count(["sellable"]).ids[0]


def test_the_sheet_is_set_up_for_paper(sixty, tmp_path):
    path = stock_count.count_sheet(sixty, tmp_path / "sheet.xlsx")
    ws = load_workbook(path).active
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.paperSize == 9  # A4
    header = [c.value for c in ws[4]]
    assert header == ["Zone", "Bin", "SKU", "Product", "Serial", "Counted", "Note"]  # blind: no "Expected"
    assert ws.print_title_rows in ("4:4", "$4:$4") and ws.freeze_panes == "A5"
    assert "PD" in ws["A1"].value and "Sellable stock" in ws["A1"].value
    assert TEST_NOW.strftime("%Y-%m-%d") in ws["A2"].value  # the app clock's date
    rows = list(ws.iter_rows(min_row=5, max_row=64))
    assert all(r[5].value is None and r[5].border.left.style == "thin" and r[5].border.bottom.style == "thin"
               for r in rows)  # every counted cell empty and boxed
    assert rows[0][2].value == "00000" or any(r[2].value == "00000" for r in rows)  # the SKU stays text
    assert ws["A65"].value.startswith("Counted by") and "Date" in ws["A65"].value
    assert "Page &P of &N" in ws.oddFooter.center.text


@needs_soffice
@pytest.mark.parametrize("blind", [True, False])
def test_libreoffice_prints_products_beside_the_counted_column_on_every_page(sixty, tmp_path, blind):
    path = stock_count.count_sheet(sixty, tmp_path / "sheet.xlsx", show_expected=not blind)
    pdf = soffice_pdf(path, tmp_path)
    pages = pages_of(pdf)
    # 60 lines fit in the page width: two or three pages down, not three times as many across
    assert 2 <= len(pages) <= 3
    for page in pages:  # the header is repeated on every page, and the products are beside "Counted" on it
        assert "Zone" in page and "Product" in page and "Counted" in page and "Note" in page
        assert ("Expected" in page) is (not blind)
    for page in pages[:-1]:  # (the last may hold only the signature line)
        assert flat(LONG_NAME.format(i="")[:8]) in page
    assert flat(LONG_NAME.format(i=0)) in pages[0] and "00000" in pages[0]
    assert "123456789012345678901" in pages[0]  # the long serial in full
    last_line = flat(LONG_NAME.format(i=57))
    assert last_line in pages[-1] or last_line in pages[-2]
    assert "Countedby" in pages[-1] and "Date" in pages[-1]  # signed under the rows
    assert last_line not in pages[-1] or pages[-1].index("Countedby") > pages[-1].index(last_line)
    assert "深圳华强北星河数码家居生活馆" in pages[0] and TEST_NOW.strftime("%Y-%m-%d") in pages[0]
    assert f"Page1of{len(pages)}" in pages[0]
    text = pdf_text(pdf)
    # blind: no expected quantity anywhere (the products hold 100…157 units)
    assert ("157" in text) is (not blind)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5_000  # rendered (looked at by hand while writing this)


def test_a_counted_line_shows_what_was_counted(sixty, tmp_path):
    line = stock_count.line_rows(sixty)[0]
    stock_count.set_counted(sixty, line[0], 0)
    ws = load_workbook(stock_count.count_sheet(sixty, tmp_path / "sheet.xlsx", show_expected=True)).active
    assert [c.value for c in ws[4]][5:7] == ["Expected", "Counted"]
    assert ws["F5"].value == line[7] and ws["G5"].value == 0


def test_the_printed_sheet_repeats_its_header_and_ends_with_the_signature(qapp, sixty, tmp_path):
    from shop_aftersales.printing.count_sheet import count_sheet_pdf

    pdf = count_sheet_pdf(tmp_path / "sheet.pdf", sixty)
    pages = pages_of(pdf)
    assert len(pages) >= 2
    for page in pages:
        assert "Product" in page and "Counted" in page and "Expected" not in page
    assert flat(LONG_NAME.format(i=0)) in pages[0] and "Countedby" in pages[-1]
    assert "Page1of" in pages[0]
    with_expected = pages_of(count_sheet_pdf(tmp_path / "expected.pdf", sixty, show_expected=True))
    assert all("Expected" in page for page in with_expected)


@pytest.mark.gui
def test_the_count_screen_exports_and_prints_the_sheet_blind_by_default(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    dialog = window.stock_tab.open_count()
    assert not dialog.blind_box.isEnabled() and not dialog.sheet_button.isEnabled()  # nothing to count yet
    assert dialog.blind_start.isChecked()  # a blind count is the default…
    dialog.blind_start.setChecked(False)   # …an open one lets the sheet show the expected quantities or not
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.blind_box.isChecked() and dialog.blind_box.isEnabled()
    dialog.grab().save(str(tmp_path / "count-dialog.png"))
    target = tmp_path / "sheet"  # without the extension: it is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    saved = tmp_path / "sheet.xlsx"
    assert "Count sheet saved" in dialog.summary.text()
    assert "Expected" not in [c.value for c in load_workbook(saved).active[4]]
    dialog.blind_box.setChecked(False)
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "Expected" in [c.value for c in load_workbook(saved).active[4]]
    preview = dialog.print_sheet()
    assert preview.isVisible()
    preview.close()


@pytest.mark.gui
def test_a_sheet_that_cannot_be_saved_says_so(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: told.append(text)))
    dialog = window.stock_tab.open_count()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "no-such-folder" / "sheet.xlsx"), ""))
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith("The count sheet could not be saved")
