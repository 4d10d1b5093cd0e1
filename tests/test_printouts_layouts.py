"""The layouts of the counter's printouts, read back from the PDF by poppler: the thermal receipt on 58 and 80 mm
rolls (as long as its content, nothing cut, the buyer's signature last), the shelf label (never below 7 pt; a
disclosure too long is shortened visibly and points to the receipt) and the A5 return slip (two copies, the
shop's terms, its promises, the column headers on every page)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest
from pypdf import PdfReader

from shop_aftersales import clock
from shop_aftersales.models import AftersalesItem, Customer, Product, ReturnOrder, Sale, SaleLine, Staff
from shop_aftersales.printing import resale as resale_printing
from shop_aftersales.printing.resale import receipt_pdf, shelf_labels_pdf
from shop_aftersales.printing.slip import SLIP_TERMS, slip_pdf
from shop_aftersales.services import items, settings
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

from helpers import flat, pdf_text  # noqa: E402
from test_printouts_barcodes import DAY, LONG_SHOP, sold_unit  # noqa: E402

# about 2 000 characters of what a buyer is told, in Chinese, every sentence numbered (so a lost or repeated line
# shows), ending in a sentence of its own
LONG_DISCLOSURE = "".join(f"第{n}条：此机为顾客退回商品（质量问题：屏幕闪烁），经本店检测发现屏幕排线松动，已由技术员重新连接排线"
                          f"并更换屏幕总成，经过老化测试各项功能正常；外观背面有细微划痕。" for n in range(1, 25)) + "最后一句：保修三个月。"


def page_sizes_mm(pdf) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width) / 72 * 25.4, float(p.mediabox.height) / 72 * 25.4) for p in PdfReader(pdf).pages]


def page_text(pdf, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return flat(out)


def smallest_text_pt(pdf) -> float:
    """The smallest type on the PDF, in points: poppler's word boxes are 1.16 (Latin) to 1.19 (CJK) × the font
    size with the shop's fonts (a 7 pt word is 8.2–8.3 pt tall; a 6.5 pt one would read as 6.7 here)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heights = [float(y1) - float(y0) for y0, y1 in re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', out)]
    return min(heights) / 1.16


# ------------------------------------------------------------------ the receipt

@pytest.mark.parametrize("roll", [58, 80])
def test_the_receipt_is_as_long_as_what_it_carries(shop, qapp, tmp_path, roll):
    short = sold_unit()
    long = sold_unit(disclosure=LONG_DISCLOSURE, product_name="智能手机 X1 Pro Max 旗舰版（曜石黑，超长名称测试）")
    short_pdf = receipt_pdf(short["sale_id"], tmp_path / "short.pdf", roll)
    long_pdf = receipt_pdf(long["sale_id"], tmp_path / "long.pdf", roll)
    (short_w, short_h), = page_sizes_mm(short_pdf)
    (long_w, long_h), = page_sizes_mm(long_pdf)  # one page each: a roll is cut where the receipt ends
    assert round(short_w) == round(long_w) == roll
    assert long_h > short_h + 200  # the long disclosure lengthens the page instead of losing its end
    text = pdf_text(long_pdf)
    for expected in (LONG_SHOP, long["sale"], "2026-06-1010:00", "智能手机 X1 Pro Max", long["item"],
                     "B — Light signs of use or small scratches",
                     "李娜", "Clearanceshelfintheshop", "赵六", "Total", "¥2,050.00"):
        assert flat(expected) in text, expected
    assert flat(LONG_DISCLOSURE) in text  # every character of it
    # the sale number under its barcode, and the buyer's signature, come after the whole disclosure
    assert text.index("Buyer'ssignature") > text.index(flat("最后一句：保修三个月。"))
    assert text.rindex(long["sale"]) > text.index(flat("最后一句：保修三个月。"))
    assert smallest_text_pt(long_pdf) >= 6.95


def test_a_receipt_past_the_longest_paper_goes_on_over_a_next_part(shop, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(resale_printing, "MAX_PAGE_MM", 250.0)  # a driver whose longest paper is 25 cm
    unit = sold_unit(disclosure=LONG_DISCLOSURE)
    pdf = receipt_pdf(unit["sale_id"], tmp_path / "receipt.pdf", 58)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) >= 3 and all(round(h) == 250 for _w, h in sizes[:-1]) and sizes[-1][1] <= 250
    assert "Continuedonthenextpart(1of" in page_text(pdf, 1)
    # the disclosure runs on from part to part, between lines, nothing lost
    assert flat(LONG_DISCLOSURE) in re.sub(r"Continuedonthenextpart\(\d+of\d+\)", "", pdf_text(pdf))
    last = page_text(pdf, len(sizes))
    assert "Buyer'ssignature" in last and unit["sale"] in last
    assert "Buyer'ssignature" not in page_text(pdf, 1)


def test_a_receipt_roll_is_58_or_80_mm(shop, qapp, tmp_path):
    unit = sold_unit()
    with pytest.raises(ValueError, match="58 mm or 80 mm wide, not 70 mm"):
        receipt_pdf(unit["sale_id"], tmp_path / "receipt.pdf", 70)
    assert not list(tmp_path.glob("*.pdf*"))  # nothing written


# ------------------------------------------------------------------ the shelf label

def test_a_shelf_label_shortens_a_long_disclosure_visibly(shop, qapp, tmp_path):
    unit = sold_unit(disclosure=LONG_DISCLOSURE)
    pdf = shelf_labels_pdf([unit["item_id"]], tmp_path / "shelf.pdf")
    (w, h), = page_sizes_mm(pdf)
    assert (round(w), round(h)) == (70, 50)
    text = pdf_text(pdf)
    assert "Fulltextonthereceipt" in text
    shown = text[text.index("GradeB·new¥3,000.00") + len("GradeB·new¥3,000.00"):text.index("…Fulltextonthereceipt")]
    assert len(shown) > 100 and flat(LONG_DISCLOSURE).startswith(shown)  # a prefix of it, cut between characters
    assert unit["item"] in text[text.index("Fulltextonthereceipt"):]  # the code under its barcode still follows
    assert smallest_text_pt(pdf) >= 6.95


def test_a_shelf_label_cuts_english_between_words(shop, qapp, tmp_path):
    words = " ".join(f"Scratch{n} on the back cover, repaired hinge number{n}." for n in range(60))
    unit = sold_unit(disclosure=words)
    text = subprocess.run(["pdftotext", "-raw", str(shelf_labels_pdf([unit["item_id"]], tmp_path / "s.pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Full text on the receipt" in text
    shown = " ".join(text[text.index("new ¥3,000.00") + len("new ¥3,000.00"):text.index("…")].split())
    assert words.startswith(shown) and words[len(shown)] == " "  # ends on a whole word


def test_a_short_disclosure_is_printed_whole_without_the_marker(shop, qapp, tmp_path):
    unit = sold_unit(disclosure="顾客退回，检测无故障，外观如新。")
    text = pdf_text(shelf_labels_pdf([unit["item_id"]], tmp_path / "shelf.pdf"))
    assert "顾客退回，检测无故障，外观如新。" in text and "Fulltext" not in text and "…" not in text


# ------------------------------------------------------------------ the return slip

@pytest.fixture
def big_return(shop, qapp):
    """A return of 40 lines (face masks, most for a refund), one of them a phone inspected as repairable."""
    settings.update({settings.SHOP_NAME: LONG_SHOP, settings.SHOP_PHONE: "0571-8765 4321"})
    clerk = Staff.create(name="李娜", role="sales")
    with clock.frozen(DAY):
        sale = Sale.create(receipt_no="XS-0501", sold_at=DAY - dt.timedelta(days=2),
                           customer=Customer.create(name="王芳", phone="13800138000"))
        lines = []
        for n in range(40):
            product = Product.create(sku=f"MM-{n}", name=f"补水面膜 {n}号", model="5片装", list_price=Decimal("129"))
            line = SaleLine.create(sale=sale, line_no=n + 1, product=product, quantity=1, unit_price=Decimal("129"))
            lines.append(ReturnLine(product.id, 1, "allergy" if n < 30 else "quality", "opened", "refund" if n < 30 else "repair",
                                    sale_line_id=line.id, reason_text="脸上过敏"))
        changes = register_return(ReturnRequest(lines=lines, sale_id=sale.id), staff=clerk)
        items.inspect(changes.ids[-1], "包装破损", "repairable", clerk)
    return ReturnOrder.get(ReturnOrder.number == changes.reference)


def test_a_long_return_slip_repeats_its_headers_on_every_page_of_both_copies(big_return, tmp_path):
    pdf = slip_pdf(big_return.id, tmp_path / "slip.pdf")
    pages = len(PdfReader(pdf).pages)
    assert pages % 2 == 0 and pages >= 4
    half = pages // 2
    codes = [i.code for i in big_return.items.order_by(AftersalesItem.id)]
    for copy, name in ((0, "Shopcopy"), (1, "Customercopy")):
        seen = ""
        for n in range(1, half + 1):
            text = page_text(pdf, copy * half + n)
            assert name in text and big_return.number in text and f"Page{n}of{half}" in text
            assert "Customersignature" in text
            if "SH2026" in text:  # a page with lines (page 2 and on too): the column headers above them
                assert "Itemcode/serial" in text and "Customerasksfor" in text
                assert text.index("Customerasksfor") < text.index("SH2026")
            if n == 2:
                assert "Itemcode/serial" in text
            seen += text
        for code in codes:  # every unit once per copy, none cut off between pages
            assert seen.count(code) == 1, code
        assert "Returnterms" in seen


def test_the_slip_carries_the_shops_terms_its_promises_and_the_refund_due(big_return, tmp_path):
    from shop_aftersales.models import RepairOrder

    text = pdf_text(slip_pdf(big_return.id, tmp_path / "slip.pdf", copies=("customer",)))
    assert "Customercopy" in text and "Shopcopy" not in text
    assert flat("Returns and exchanges follow the shop's return policy") in text  # the standard terms
    # inspected within 2 days (Settings → Promises and messages), the refund paid within 3
    assert "Inspectedandansweredby2026-06-12" in text
    assert "Refunddue¥3,870.00,paidby2026-06-13" in text  # 30 masks × ¥129 asked back
    repair = RepairOrder.get()
    assert flat(f"Repair {repair.number} promised by {repair.due_date:%Y-%m-%d}") in text
    settings.update({SLIP_TERMS: "本店退货须保留完整包装；\n定制商品不退不换。", "promise.inspection_days": "1"})
    text = pdf_text(slip_pdf(big_return.id, tmp_path / "slip2.pdf"))
    assert "本店退货须保留完整包装；定制商品不退不换。" in text and "Returnsandexchangesfollow" not in text
    assert "Inspectedandansweredby2026-06-11" in text


def test_a_unit_longer_than_a_page_goes_on_over_the_next_pages(shop, qapp, tmp_path):
    """A fault written at great length: the unit's details run on over further pages, cut between lines, every
    word on each copy, in order. (Qt also writes, clipped away and invisible, the line above each page's first
    line into the PDF, which a text reader finds: so a word may be read twice at a page's top.)"""
    words = [f"fault{n:03d}" for n in range(700)]
    with clock.frozen(DAY):
        sale = Sale.create(receipt_no="XS-9", sold_at=DAY - dt.timedelta(days=1), customer=Customer.create(name="王芳"))
        chair = Product.create(sku="YZ-1", name="人体工学椅", list_price=Decimal("999"))
        line = SaleLine.create(sale=sale, line_no=1, product=chair, quantity=1, unit_price=Decimal("999"))
        number = register_return(ReturnRequest(lines=[ReturnLine(chair.id, 1, "quality", "used", "refund",
                                                                 sale_line_id=line.id, fault=" ".join(words))],
                                               sale_id=sale.id), staff=Staff.create(name="李娜")).reference
    pdf = slip_pdf(ReturnOrder.get(ReturnOrder.number == number).id, tmp_path / "slip.pdf")
    assert len(PdfReader(pdf).pages) >= 4
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for copy in text.split("Customer copy", 1)[0], text.split("Customer copy", 1)[1]:
        found = re.findall(r"fault\d{3}", copy)
        assert list(dict.fromkeys(found)) == words  # all of them, in order
