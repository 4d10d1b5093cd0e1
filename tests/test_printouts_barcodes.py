"""Every printout's barcode, as a counter printer prints it: the PDF drawn on a 203 dpi (thermal) or 300 dpi grid,
rasterised at that resolution in black and white by poppler (pdftoppm -mono) and read back by zbar (zbarimg), and
the raster searched for the exact Code 128 module pattern on whole dots with its quiet zones."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from shop_aftersales import clock
from shop_aftersales.models import (AftersalesItem, Customer, DocumentSequence, Product, ResaleSale, ReturnOrder, Sale,
                                    SaleLine, Staff)
from shop_aftersales.printing.barcode import QUIET_MODULES, code128_pattern
from shop_aftersales.printing.label import labels_pdf
from shop_aftersales.printing.resale import receipt_pdf, shelf_labels_pdf
from shop_aftersales.printing.slip import slip_pdf
from shop_aftersales.services import items, resale, resolutions, settings
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

DAY = dt.datetime(2026, 6, 10, 10, 0)
LONG_SHOP = "星河生活馆（杭州西湖文化广场旗舰店）"


def sold_unit(disclosure: str | None = None, first_number: int | None = None, product_name: str = "智能手机 X1") -> dict:
    """A returned phone, refunded, resold as is after its quality check: its return, item, listing and sale.
    *first_number*: the running number the shop's documents have reached (999 999 makes the longest numbers the
    app gives with six digits; 1 000 000 the seven-digit ones of a shop past a million documents)."""
    with clock.frozen(DAY):
        if first_number is not None:
            for doc_type, prefix in (("return", "TH"), ("item", "SH"), ("refund", "TK"), ("resale", "TJ")):
                DocumentSequence.insert(doc_type=doc_type, prefix=prefix, next_value=first_number).on_conflict(
                    conflict_target=[DocumentSequence.doc_type],  # an upsert both backends know
                    update={DocumentSequence.prefix: prefix, DocumentSequence.next_value: first_number}).execute()
        settings.update({settings.SHOP_NAME: LONG_SHOP, settings.SHOP_ADDRESS: "杭州市西湖区文化路 88 号一楼 101 室",
                         settings.SHOP_PHONE: "0571-8765 4321"})
        owner = Staff.get_or_none(Staff.name == "陈建国") or Staff.create(name="陈建国", role="owner")
        clerk = Staff.get_or_none(Staff.name == "李娜") or Staff.create(name="李娜", role="sales")
        phone = Product.create(sku=f"SJ-{Product.select().count() + 1}", name=product_name, model="8+256G",
                               list_price=Decimal("3000"), serialised=True)
        receipt = Sale.create(receipt_no=f"XS-{Sale.select().count() + 1}", sold_at=DAY - dt.timedelta(days=2),
                              customer=Customer.create(name="王芳", phone="13800138000"))
        line = SaleLine.create(sale=receipt, line_no=1, product=phone, serial=f"SN{phone.id:04d}", quantity=1,
                               unit_price=Decimal("3000"))
        changes = register_return(ReturnRequest(
            lines=[ReturnLine(phone.id, 1, "quality", "used", "refund", sale_line_id=line.id, fault="屏幕闪烁")],
            sale_id=receipt.id), staff=clerk)
        item_id = changes.ids[0]
        resolutions.refund(item_id, Decimal("3000"), "wechat", owner)
        items.inspect(item_id, "屏幕排线松动,已重新连接", "qc", owner)
        item = AftersalesItem.get_by_id(item_id)
        text = disclosure or resale.default_disclosure(item, "B", "背面细微划痕")
        resale.pass_check(item_id, [resale.CheckLine(c, True) for c in resale.checklist_for(None)], "B",
                          "背面细微划痕", Decimal("2100"), "shelf", text, owner)
        number = resale.sell(item_id, Decimal("2050"), "shelf", True, clerk, "赵六", "13900001111").reference
    order = ReturnOrder.get(ReturnOrder.number == changes.reference)
    return {"item_id": item_id, "order_id": order.id, "order": order.number, "item": item.code,
            "sale_id": ResaleSale.get(ResaleSale.number == number).id, "sale": number}


def rasterise(pdf: Path, dpi: int, folder: Path) -> list[Path]:
    if not shutil.which("zbarimg"):
        pytest.skip("zbar-tools is not installed (.ci/run installs it)")
    prefix = folder / f"{pdf.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-mono", "-png", str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{pdf.stem}-{dpi}*.png"))


def decoded(png: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True).stdout
    return out.split()


def module_dots(png: Path, code: str) -> int:
    """The module width in pixels with which *code*'s exact Code 128 pattern, with white quiet zones of at least
    QUIET_MODULES modules either side, runs along some pixel row of *png* (0: nowhere)."""
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(image.constBits())
    table = bytes(ord("1") if value < 128 else ord("0") for value in range(256))
    rows = [data[y * image.bytesPerLine():y * image.bytesPerLine() + image.width()].translate(table)
            for y in range(image.height())]
    pattern = code128_pattern(code)
    for m in range(12, 0, -1):
        quiet = b"0" * (QUIET_MODULES * m)
        wanted = quiet + "".join(bit * m for bit in pattern).encode() + quiet
        if any(wanted in row for row in rows):
            return m
    return 0


def printouts(unit: dict, folder: Path, dpi: int) -> list[tuple[str, Path, str]]:
    """(what, PDF, the code its barcode must give) for every printout of *unit*, drawn at *dpi*."""
    out = [("item label", labels_pdf([unit["item_id"]], folder / "label.pdf", resolution=dpi), unit["item"]),
           ("shelf label", shelf_labels_pdf([unit["item_id"]], folder / "shelf.pdf", resolution=dpi), unit["item"]),
           ("return slip", slip_pdf(unit["order_id"], folder / "slip.pdf", resolution=dpi), unit["order"])]
    for roll in (58, 80):
        out.append((f"receipt {roll} mm", receipt_pdf(unit["sale_id"], folder / f"receipt{roll}.pdf", roll,
                                                      resolution=dpi), unit["sale"]))
    return out


@pytest.mark.parametrize("dpi", [203, 300])
def test_every_printout_scans_at_the_printers_resolution_in_black_and_white(shop, qapp, tmp_path, dpi):
    unit = sold_unit()
    for what, pdf, code in printouts(unit, tmp_path, dpi):
        for png in rasterise(pdf, dpi, tmp_path):
            assert decoded(png) == [code], (what, png.name)
            dots = module_dots(png, code)
            # whole dots, the widest that fits: 2 dots at 203 dpi (0.25 mm), 3 at 300 dpi, on every printout
            assert dots >= (2 if dpi == 203 else 3), (what, dots)


@pytest.mark.parametrize("first_number", [999_999, 1_000_000])
@pytest.mark.parametrize("dpi", [203, 300])
def test_the_longest_numbers_scan_too(shop, qapp, tmp_path, dpi, first_number):
    unit = sold_unit(first_number=first_number)
    digits = len(str(first_number))
    assert unit["item"] == f"SH2026-{first_number:06d}" and len(unit["sale"]) == 7 + max(6, digits)
    for what, pdf, code in printouts(unit, tmp_path, dpi):
        for png in rasterise(pdf, dpi, tmp_path):
            assert decoded(png) == [code], (what, png.name)
            dots = module_dots(png, code)
            assert dots >= 1, what  # always whole dots with their quiet zones
            if digits == 6 or what in ("shelf label", "return slip", "receipt 80 mm"):
                assert dots >= (2 if dpi == 203 else 3), (what, dots)  # where the space allows


def test_the_bars_stretch_to_the_space_they_are_given(shop, qapp, tmp_path):
    """A wider label gets wider modules (whole dots still): 50 mm → 2 dots at 203 dpi, 100 mm → 4 dots."""
    unit = sold_unit()
    settings.update({"label.width_mm": "100", "label.height_mm": "40"})
    png = rasterise(labels_pdf([unit["item_id"]], tmp_path / "wide.pdf", resolution=203), 203, tmp_path)[0]
    assert decoded(png) == [unit["item"]]
    # 97 mm inside the margins = 775 dots; the code with its quiet zones is 176 modules: 4 dots each
    assert len(code128_pattern(unit["item"])) + 2 * QUIET_MODULES == 176
    assert module_dots(png, unit["item"]) == 4
