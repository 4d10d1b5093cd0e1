"""The refund slip (退款单) and the exchange slip (换货单): made on a real shop through the real steps, written to PDF,
read back by poppler's pdftotext, their barcodes decoded by zbar from the page rendered at a thermal printer's
203 dpi; then offered where the refund or the exchange is made, on the item's ID card."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shop_aftersales import clock, config
from shop_aftersales.models import (AftersalesItem, Customer, Exchange, Location, Product, Refund, Sale, SaleLine,
                                    Staff, StockSerial)
from shop_aftersales.printing.refund import exchange_of, exchange_slip_pdf, refund_of, refund_slip_pdf
from shop_aftersales.services import resolutions, settings
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, on_hand
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return
from shop_aftersales.ui.actions import ExchangeDialog, RefundDialog
from shop_aftersales.ui.item_card import ItemCard
from shop_aftersales.ui.print_ui import PDF, SLIP, PreviewDialog, PrinterChoice, save_printer_choice

from helpers import flat, pdf_text, settle, visible  # noqa: E402

DAY = dt.datetime(2026, 6, 17, 10, 30)
SHOP = "星河生活馆（杭州西湖文化广场旗舰店）"
LONG_PRODUCT = "智能手机 X1 Pro 至尊版（国行 5G 全网通，含原装快充套装）"


@pytest.fixture
def settled(shop, qapp):
    """A refund (above what was paid, so the owner approved it) and an exchange granted as an exception to the
    policy, on a shop with a long Chinese name."""
    with clock.frozen(DAY):
        settings.update({settings.SHOP_NAME: SHOP, settings.SHOP_PHONE: "0571-8765 4321",
                         settings.SHOP_ADDRESS: "杭州市西湖区文三路 188 号 星河大厦一层 101-105 室"})
        phone = Product.create(sku="SJ-1", name=LONG_PRODUCT, model="8+256G 曜石黑", serialised=True,
                               list_price=Decimal("2999"), cost=Decimal("2100"))
        owner = Staff.create(name="陈建国", role="owner")
        clerk = Staff.create(name="李娜", role="sales")
        customer = Customer.create(name="王芳", phone="13800138000")
        sale = Sale.create(receipt_no="XS-0612", sold_at=dt.datetime(2026, 6, 12, 15), customer=customer)
        first = SaleLine.create(sale=sale, line_no=1, product=phone, serial="SN0001", quantity=1,
                                unit_price=Decimal("2999"))
        second = SaleLine.create(sale=sale, line_no=2, product=phone, serial="SN0002", quantity=1,
                                 unit_price=Decimal("2999"))

        @business_step
        def stock():
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial="SN0099"))

        stock()
        refunded = register_return(ReturnRequest(
            lines=[ReturnLine(phone.id, 1, "quality", "used", "refund", sale_line_id=first.id,
                              fault="屏幕闪烁，无法开机，充电时机身发烫")], sale_id=sale.id), staff=clerk).ids[0]
        exchanged = register_return(ReturnRequest(
            lines=[ReturnLine(phone.id, 1, "allergy", "unopened", "exchange", sale_line_id=second.id,
                              reason_text="佩戴后皮肤发红")],
            sale_id=sale.id, override_reason="熟客", override_approval=owner), staff=clerk).ids[0]
        resolutions.refund(refunded, Decimal("3000"), "wechat", clerk, approved_by=owner, note="含 1 元补偿")
        resolutions.exchange(exchanged, clerk, serial="SN0099")
    assert run_checks() == []
    return {"refund": refund_of(refunded), "exchange": exchange_of(exchanged)}


def scan_203(pdf, folder) -> list[list[str]]:
    """The codes zbar reads on each page, rendered 1-bit at 203 dpi as a thermal printer would print it."""
    if not shutil.which("zbarimg"):
        pytest.skip("zbar-tools is not installed (.ci/run installs it)")
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "203", "-mono", str(pdf), str(prefix)], check=True)
    pages = []
    for image in sorted(folder.glob(f"{pdf.stem}-*.pbm")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True).stdout
        pages.append(out.split())
    return pages


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [flat(page) for page in text.split("\f") if page.strip()]


def test_the_refund_slip(settled, tmp_path):
    refund: Refund = settled["refund"]
    item = refund.item
    pdf = refund_slip_pdf(refund.id, tmp_path / "refund.pdf")
    text = pdf_text(pdf)
    for expected in (SHOP, "0571-87654321", "Refundslip", refund.number, "2026-06-1710:30", "王芳", "13800138000",
                     flat(LONG_PRODUCT), "SN0001", item.code, item.order.number, "XS-0612", "Qualityfault",
                     "屏幕闪烁，无法开机，充电时机身发烫", "Amountrefunded", "¥3,000.00", "WeChatPay", "含1元补偿",
                     "Handledby李娜", "Approvedby陈建国", "Ihavereceivedtherefundabove.", "Customersignature",
                     "Staffsignature", "Date"):
        assert expected in text, expected
    shop_copy, customer_copy = page_texts(pdf)
    assert "Shopcopy" in shop_copy and "Customercopy" in customer_copy
    assert refund.number in customer_copy and "¥3,000.00" in customer_copy
    assert scan_203(pdf, tmp_path) == [[item.code], [item.code]]  # a scanned slip opens the unit's ID card


def test_the_exchange_slip(settled, tmp_path):
    exchange: Exchange = settled["exchange"]
    item = exchange.item
    pdf = exchange_slip_pdf(exchange.id, tmp_path / "exchange.pdf")
    text = pdf_text(pdf)
    for expected in (SHOP, "Exchangeslip", "Exchangeof" + item.code, "2026-06-1710:30", "王芳13800138000",
                     "SN0002", "Allergyoradversereaction—佩戴后皮肤发红", "Handedoutinexchange", "SerialSN0099", "Qty1",
                     "Handledby李娜", "Approvedby陈建国", "Ihavereceivedthereplacementaboveingoodorder.",
                     "Customersignature", "Date"):
        assert expected in text, expected
    assert text.count(flat(LONG_PRODUCT)) >= 2  # the unit returned and the one handed out
    assert [("Shopcopy" in page, "Customercopy" in page) for page in page_texts(pdf)] == [(True, False),
                                                                                       (False, True)]
    assert scan_203(pdf, tmp_path) == [[item.code], [item.code]]


def test_an_exchange_the_policy_allowed_names_no_approver(settled, tmp_path):
    with clock.frozen(DAY):
        phone = Product.get(Product.sku == "SJ-1")
        line = SaleLine.create(sale=Sale.get(), line_no=3, product=phone, serial="SN0003", quantity=1,
                               unit_price=Decimal("2999"))

        @business_step
        def stock():
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial="SN0100"))

        stock()
        item_id = register_return(ReturnRequest(lines=[ReturnLine(phone.id, 1, "quality", "used", "exchange",
                                                                  sale_line_id=line.id)], sale_id=line.sale_id),
                                  staff=Staff.get(Staff.name == "李娜")).ids[0]
        resolutions.exchange(item_id, Staff.get(Staff.name == "李娜"), serial="SN0100")
    text = pdf_text(exchange_slip_pdf(exchange_of(item_id).id, tmp_path / "allowed.pdf"))
    assert "Approvedby—(allowedbythereturnpolicy)" in text and "SN0100" in text


@pytest.fixture
def slips_to_pdf(monkeypatch, tmp_path):
    """Slips go to "Save as PDF…", answered with a file in tmp_path; the choice is removed afterwards."""
    save_printer_choice(SLIP, PrinterChoice(PDF))
    target = tmp_path / "signed.pdf"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    yield target
    config.settings().remove("printing")


def _refundable() -> AftersalesItem:
    for item in AftersalesItem.select().where((AftersalesItem.resolution_state == "pending")
                                              & ~AftersalesItem.customer_owned).order_by(AftersalesItem.id):
        if resolutions.refundable_amount(item) > 0:
            return item
    raise AssertionError("the demo shop has no unit waiting for a refund")


def _exchangeable() -> tuple[AftersalesItem, str]:
    """A unit waiting to be settled whose product has a replacement in sellable stock (and that unit's serial)."""
    for item in AftersalesItem.select().where((AftersalesItem.resolution_state == "pending")
                                              & ~AftersalesItem.customer_owned).order_by(AftersalesItem.id):
        product = item.product
        if product.serialised:
            unit = (StockSerial.select().join(Location).where((StockSerial.product == product)
                                                               & (Location.code == "sellable")).first())
            if unit is not None:
                return item, unit.serial
        elif on_hand(product, "sellable") >= item.quantity:
            return item, ""
    raise AssertionError("the demo shop has no unit that can be exchanged from stock")


def test_a_refund_made_on_the_id_card_offers_its_slip(window, qtbot, slips_to_pdf):
    item = _refundable()
    card = ItemCard(window.context, item.id, window)
    qtbot.addWidget(card)
    card.show()
    assert "refund_slip" not in card.action_buttons  # nothing to print before the refund
    qtbot.mouseClick(card.action_buttons["refund"], Qt.MouseButton.LeftButton)
    dialog = visible(RefundDialog)
    dialog.method.setCurrentIndex(dialog.method.findData("alipay"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    refund = Refund.get(Refund.item == item.id)

    message = card.settled_message
    assert isinstance(message, QMessageBox) and message.isVisible()
    assert refund.number in message.text() and "Alipay" in message.text()
    assert message.defaultButton() is message.print_button and message.print_button.text() == "Print refund slip"
    kept = window.context.documents_dir / "refund-slips" / f"{refund.number}.pdf"
    assert str(kept) in message.informativeText() and refund.number in pdf_text(kept)
    qtbot.mouseClick(message.print_button, Qt.MouseButton.LeftButton)  # the default: print it to be signed
    text = pdf_text(slips_to_pdf)
    assert refund.number in text and item.code in text and "Customersignature" in text

    # later, from the ID card: print again, or preview
    assert card.action_buttons["refund_slip"].text() == "Print refund slip"
    qtbot.mouseClick(card.action_buttons["refund_slip_preview"], Qt.MouseButton.LeftButton)
    preview = visible(PreviewDialog)
    assert preview.windowTitle() == f"Refund slip {refund.number}"
    preview.close()
    assert run_checks() == []


def test_an_exchange_made_on_the_id_card_offers_its_slip(window, qtbot, tmp_path):
    item, serial = _exchangeable()
    card = ItemCard(window.context, item.id, window)
    qtbot.addWidget(card)
    card.show()
    qtbot.mouseClick(card.action_buttons["exchange"], Qt.MouseButton.LeftButton)
    dialog = visible(ExchangeDialog)
    dialog.serial.setText(serial)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    exchange = Exchange.get(Exchange.item == item.id)
    message = card.settled_message
    assert message.isVisible() and item.code in message.text()
    assert message.print_button.text() == "Print exchange slip"
    kept = window.context.documents_dir / "exchange-slips" / f"{item.code}.pdf"
    assert "Exchangeslip" in pdf_text(kept) and flat(serial or exchange.product.name) in pdf_text(kept)
    # no printer on this PC and slips on "System default": printing opens the preview, which says why
    qtbot.mouseClick(message.print_button, Qt.MouseButton.LeftButton)
    preview = visible(PreviewDialog)
    assert "no printer is installed" in preview.notice.text()
    preview.grab().save(str(tmp_path / "exchange-preview.png"))
    preview.close()
    assert "exchange_slip" in card.action_buttons and "refund_slip" not in card.action_buttons
    assert run_checks() == []
