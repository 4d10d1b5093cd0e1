"""Printouts rendered to real PDFs, read back as text, and their barcodes scanned from the rendered page."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.models import Customer, Product, Sale, SaleLine, Staff
from shop_aftersales.printing.label import labels_pdf
from shop_aftersales.printing.slip import slip_pdf
from shop_aftersales.services import settings
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return
from shop_aftersales.services.search import ITEM, RETURN, search

from helpers import flat, pdf_text  # noqa: E402

NOW = dt.datetime(2026, 5, 6, 11, 0)


@pytest.fixture
def order(shop, qapp):
    settings.update({settings.SHOP_NAME: "星河生活馆", settings.SHOP_PHONE: "0571-8765 4321"})
    phone = Product.create(sku="SJ-1", name="智能手机 X1", model="8+256G", serialised=True, list_price=Decimal("2999"))
    mask = Product.create(sku="MM-5", name="补水面膜", model="5片装", list_price=Decimal("129"))
    sale = Sale.create(receipt_no="XS-0501", sold_at=dt.datetime(2026, 5, 1, 10), customer=Customer.create(
        name="王芳", phone="13800138000"))
    l1 = SaleLine.create(sale=sale, line_no=1, product=phone, serial="SN0001", quantity=1, unit_price=Decimal("2999"))
    l2 = SaleLine.create(sale=sale, line_no=2, product=mask, quantity=3, unit_price=Decimal("129"))
    with clock.frozen(NOW):
        changes = register_return(ReturnRequest(
            lines=[ReturnLine(phone.id, 1, "quality", "used", "refund", sale_line_id=l1.id, fault="屏幕闪烁,无法开机"),
                   ReturnLine(mask.id, 2, "allergy", "opened", "refund", sale_line_id=l2.id, reason_text="脸上过敏")],
            sale_id=sale.id, shipping_cost=Decimal("12")), staff=Staff.create(name="李娜"))
    return changes


def scan(pdf, tmp_path) -> list[str]:
    if not shutil.which("zbarimg"):
        pytest.skip("zbar-tools is not installed (.ci/run installs it)")
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "page")], check=True)
    codes = []
    for png in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
        codes += out.split()
    return codes


def test_the_return_slip(order, tmp_path):
    from shop_aftersales.models import ReturnOrder

    number = order.reference
    pdf = slip_pdf(ReturnOrder.get(ReturnOrder.number == number).id, tmp_path / "slip.pdf")
    text = pdf_text(pdf)
    for expected in (number, "星河生活馆", "王芳", "13800138000", "XS-0501", "智能手机 X1", "SN0001", "屏幕闪烁",
                     "补水面膜", "脸上过敏", "¥12.00", "Customer signature"):
        assert flat(expected) in text, expected
    assert flat("within the 7-day return period") in text
    assert scan(pdf, tmp_path) == [number, number]  # the shop copy, then the customer copy
    hits = search(number)
    assert [(h.kind, h.title) for h in hits if h.exact] == [(RETURN, number)]


def test_item_labels_scan_back_to_their_items(order, tmp_path):
    from shop_aftersales.models import AftersalesItem

    pdf = labels_pdf(list(order.ids), tmp_path / "labels.pdf")
    assert "屏幕闪烁" in pdf_text(pdf)
    codes = scan(pdf, tmp_path)
    expected = [AftersalesItem.get_by_id(i).code for i in order.ids]
    assert codes == expected
    for code, item_id in zip(codes, order.ids):
        assert [(h.kind, h.id) for h in search(code) if h.exact] == [(ITEM, item_id)]


def test_the_label_size_comes_from_the_settings(order, tmp_path):
    from pypdf import PdfReader

    settings.update({"label.width_mm": "60", "label.height_mm": "40"})
    pdf = labels_pdf(list(order.ids), tmp_path / "labels.pdf")
    box = PdfReader(pdf).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 60 and round(float(box.height) / 72 * 25.4) == 40


def test_a_pdf_is_never_left_half_written(order, tmp_path):
    target = tmp_path / "missing-folder" / "slip.pdf"
    with pytest.raises(OSError):
        from shop_aftersales.models import ReturnOrder

        slip_pdf(ReturnOrder.get().id, target)
    assert not target.exists() and not target.parent.exists()
