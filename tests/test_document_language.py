"""The shop's document language (issue 17, part 3): documents and the texts that go on them are in the shop's
language whatever the language of the process that wrote or prints them; verdicts are kept as code + parameters
and worded when shown (the UI language on screen); which reasons pay no restocking fee is the policy's."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from shop_aftersales import clock, i18n, translations
from shop_aftersales.models import (AftersalesItem, Category, Customer, Exchange, ItemEvent, Product, Refund,
                                    ResaleListing, ResaleSale, ReturnOrder, Sale, SaleLine, Staff)
from shop_aftersales.models.aftersales import EVENT_POLICY_OVERRIDE, RESALE
from shop_aftersales.models import postgres
from shop_aftersales.models.database import DB_FILE_NAME, close_database, open_database
from shop_aftersales.services import policy, queues, settings as shop_settings
from shop_aftersales.services.policy import Rules, evaluate, rules_for, save_policy
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

from conftest import PG_SERVER, use_template  # noqa: E402
from helpers import TEST_NOW, app_env, pdf_text  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")
# words of the documents' English templates: none may be on a Chinese document
TEMPLATE_WORDS = ("Returnslip", "Customersignature", "Staffsignature", "Shopcopy", "Customercopy", "Page1of",
                  "Reason:", "Policy:", "Refundslip", "Exchangeslip", "Buyer'ssignature", "Fulltext", "Returnterms",
                  "Withinthe", "Bought", "Thisunitwasreturned", "Grade", "Stockcount", "Counted")


@pytest.fixture
def ui(qapp):
    """ui("en") / ui("zh_CN"): the process's UI language, as the app installs it; no translation afterwards."""
    def install(language: str) -> str:
        return translations.install(language)

    yield install
    translations.uninstall()


@pytest.fixture(scope="module")
def _english_demo(tmp_path_factory) -> Path:
    """The demo shop made by `shop-aftersales --lang en demo-data`: a process speaking English."""
    folder = tmp_path_factory.mktemp("english-demo")
    result = subprocess.run([sys.executable, "-m", "shop_aftersales", "--lang", "en", "demo-data", "--data-dir",
                             str(folder)], env=app_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    if PG_SERVER:  # the folder's database kept as the worker's "demo_en" template, which no test's clean-up drops
        name = postgres.template_name("demo_en")
        postgres.drop_database(PG_SERVER, name)
        postgres.create_database(PG_SERVER, name, template=postgres.test_database_name(folder))
    return folder / DB_FILE_NAME


@pytest.fixture
def english_demo(data_dir, _english_demo):
    use_template(_english_demo, data_dir, "demo_en")
    open_database(data_dir)
    yield data_dir
    close_database()


def assert_chinese_document(text: str, what: str) -> None:
    assert HAN.search(text), what
    for word in TEMPLATE_WORDS:
        assert word not in text, f"{what}: {word!r} in {text[:400]}"


# ------------------------------------------------------------------ an English process, a Chinese shop

def test_the_english_made_demo_prints_chinese_documents(english_demo, ui, tmp_path):
    from shop_aftersales.printing.count_sheet import count_sheet_pdf
    from shop_aftersales.printing.label import labels_pdf
    from shop_aftersales.printing.refund import exchange_slip_pdf, refund_slip_pdf
    from shop_aftersales.printing.resale import receipt_pdf, shelf_labels_pdf
    from shop_aftersales.printing.slip import slip_pdf
    from shop_aftersales.printing.table import table_pdf
    from shop_aftersales.services import stock_count

    assert ui("en") == "en"
    assert shop_settings.document_language() == "zh_CN"
    order = ReturnOrder.select().join(AftersalesItem).where(AftersalesItem.verdict_reasons != "").first()
    slip = pdf_text(slip_pdf(order.id, tmp_path / "slip.pdf"))
    assert_chinese_document(slip, "return slip")
    assert "退货单" in slip
    item = order.items.first()
    assert_chinese_document(pdf_text(labels_pdf([item.id], tmp_path / "label.pdf")), "item label")
    refund = Refund.select().first()
    assert_chinese_document(pdf_text(refund_slip_pdf(refund.id, tmp_path / "refund.pdf")), "refund slip")
    exchange = Exchange.select().first()
    assert_chinese_document(pdf_text(exchange_slip_pdf(exchange.id, tmp_path / "exchange.pdf")), "exchange slip")
    sale = ResaleSale.select().first()
    receipt = pdf_text(receipt_pdf(sale.id, tmp_path / "receipt.pdf"))
    assert_chinese_document(receipt, "receipt")
    assert "本商品为顾客退回商品" in receipt  # the disclosure was written in the shop's language
    shelf = ResaleListing.select().join(AftersalesItem).where(ResaleListing.active & (AftersalesItem.status == RESALE)
                                                             ).first()
    assert_chinese_document(pdf_text(shelf_labels_pdf([shelf.item_id], tmp_path / "shelf.pdf")), "shelf label")
    count_id = stock_count.start_count(["resale"]).ids[0]
    assert_chinese_document(pdf_text(count_sheet_pdf(tmp_path / "count.pdf", count_id)), "count sheet")
    listing = pdf_text(table_pdf(tmp_path / "list.pdf", "维修进度表", ["单号"], [["WX1"]]))
    assert "第1页" in listing and "Page" not in listing
    # the customer's messages too, and the screens still speak English afterwards
    assert HAN.search(queues.message_for(item, "message.received"))
    assert i18n.current_language() == "en" and i18n.translate("Domain", "Inspection") == "Inspection"


def test_the_id_card_words_the_same_verdict_in_the_ui_language(english_demo, ui, qtbot):
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.item_card import ItemCard

    item = (AftersalesItem.select().where(AftersalesItem.verdict_reasons.contains("return period"))
            .order_by(AftersalesItem.id).first())
    texts = {}
    for language in ("en", "zh_CN"):
        ui(language)
        context = AppContext(english_demo)
        card = ItemCard(context, item.id)
        qtbot.addWidget(card)
        texts[language] = " ".join(label.text() for label in card.findChildren(QLabel))
        context.ops.shutdown()
    assert "return period" in texts["en"] and "退货期限" not in texts["en"]
    assert "退货期限" in texts["zh_CN"] and "return period" not in texts["zh_CN"]


# ------------------------------------------------------------------ a shop of our own

@pytest.fixture
def counter(shop):
    """A shop with one phone sold eight days ago (past a 7-day refund, within the exchange) and one returned."""
    category = Category.create(name="手机")
    phone = Product.create(sku="P1", name="手机", category=category, list_price=Decimal("100"), serialised=True)
    clerk = Staff.create(name="李娜", role="sales")
    owner = Staff.create(name="陈店长", role="owner")
    sale = Sale.create(receipt_no="R1", sold_at=TEST_NOW - dt.timedelta(days=8),
                       customer=Customer.create(name="王芳", phone="13800000000"))
    line = SaleLine.create(sale=sale, line_no=1, product=phone, serial="SN1", quantity=1, unit_price=Decimal("100"))
    changes = register_return(ReturnRequest([ReturnLine(phone.id, 1, "changed_mind", "unopened", "refund",
                                                        sale_line_id=line.id)], sale_id=sale.id,
                                            override_reason="老顾客", override_approval=owner), clerk)
    return {"order": ReturnOrder.get(ReturnOrder.number == changes.reference), "phone": phone, "sale": sale,
            "item": AftersalesItem.get_by_id(changes.ids[0]), "clerk": clerk, "owner": owner, "dir": shop}


def test_switching_the_document_language_in_shop_settings_changes_the_next_printout(counter, ui, qtbot, tmp_path):
    from shop_aftersales.printing.slip import slip_pdf
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.settings_dialogs import ShopDialog

    ui("en")
    english = pdf_text(slip_pdf(counter["order"].id, tmp_path / "en.pdf"))
    assert "Returnslip" in english and not HAN.search(english.replace("李娜", "").replace("王芳", "")
                                                       .replace("手机", "").replace("老顾客", "").replace("三包", ""))
    context = AppContext(counter["dir"])
    try:
        dialog = ShopDialog(context)
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "en"  # not set: the UI's
        assert "Returns and exchanges follow" in dialog.terms.toPlainText()
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        assert "三包" in dialog.terms.toPlainText() and "Returns and" not in dialog.terms.toPlainText()
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    finally:
        context.ops.shutdown()
    assert shop_settings.get(shop_settings.DOCUMENT_LANGUAGE) == "zh_CN"
    assert shop_settings.get("slip.terms") == ""  # the standard terms stay the standard (in either language)
    chinese = pdf_text(slip_pdf(counter["order"].id, tmp_path / "zh.pdf"))
    assert_chinese_document(chinese, "slip after the switch")
    assert "超过7天退货期限" in chinese  # the verdict, worded in the document language
    assert [c.area for c in shop_settings.changes_made()] == ["shop"]  # recorded, open to all staff


def test_a_verdict_is_stored_as_sentences_and_worded_when_shown(counter, ui):
    item = counter["item"]
    stored = json.loads(item.verdict_reasons)
    assert stored[0] == ["Bought {days} days ago, past the {limit}-day return period.", {"days": 8, "limit": 7}]
    ui("en")
    assert policy.verdict_text(item).startswith("Bought 8 days ago, past the 7-day return period.")
    with i18n.language("zh_CN"):
        assert policy.verdict_text(item).startswith("购买已 8 天")
    shop_settings.update({shop_settings.DOCUMENT_LANGUAGE: "zh_CN"})
    assert policy.verdict_text(item, document=True).startswith("购买已 8 天")
    # the override's history entry keeps the sentences too, worded when the history is shown
    event = ItemEvent.get((ItemEvent.item == item.id) & (ItemEvent.code == EVENT_POLICY_OVERRIDE))
    data = json.loads(event.data)
    assert data["reasons"] == stored
    assert policy.event_rule(data).startswith("Bought 8 days ago")
    with i18n.language("zh_CN"):
        assert policy.event_rule(data).startswith("购买已 8 天")
    assert policy.event_rule({"rule": "older words"}) == "older words"


def test_labels_among_the_parameters_are_codes_worded_when_shown(ui):
    rules = Rules(reason_rules={"quality": ["repair"]})
    verdict = evaluate(rules, dt.date(2026, 6, 1), dt.date(2026, 6, 3), "changed_mind", "unopened", "refund")
    source, params = json.loads(verdict.reasons_json())[0]
    assert params == {"resolution": "refund", "reason": "changed_mind"}
    ui("zh_CN")
    assert "退款" in verdict.text() and "Refund" not in verdict.text()
    with i18n.language("en"):
        assert "“Refund” for “Changed mind”" in verdict.text()


def test_an_older_row_with_only_its_words_still_shows(counter, ui, qtbot, tmp_path):
    from shop_aftersales.printing.slip import slip_pdf
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.item_card import ItemCard

    AftersalesItem.update(verdict_reasons="", verdict_text="旧的裁定文字。").where(
        AftersalesItem.id == counter["item"].id).execute()
    item = AftersalesItem.get_by_id(counter["item"].id)
    ui("en")
    assert policy.verdict_text(item) == "旧的裁定文字。"
    assert "旧的裁定文字。" in pdf_text(slip_pdf(item.order_id, tmp_path / "old.pdf"))
    context = AppContext(counter["dir"])
    try:
        card = ItemCard(context, item.id)
        qtbot.addWidget(card)
        assert any("旧的裁定文字。" in label.text() for label in card.findChildren(QLabel))
    finally:
        context.ops.shutdown()


def test_a_document_language_is_one_of_the_two(shop):
    from shop_aftersales.errors import DomainError

    with pytest.raises(DomainError, match="zh_CN"):
        shop_settings.update({shop_settings.DOCUMENT_LANGUAGE: "fr"})
    assert shop_settings.stored_document_language() is None
    assert shop_settings.document_language() == i18n.ui_language()
    shop_settings.adopt_document_language("zh-Hans-CN")  # a brand-new shop started in Chinese
    shop_settings.adopt_document_language("en")  # …keeps it
    assert shop_settings.document_language() == "zh_CN"


def test_the_document_language_is_per_thread(ui):
    import threading

    ui("en")
    seen = []
    with i18n.language("zh_CN"):
        worker = threading.Thread(target=lambda: seen.append(i18n.translate("Domain", "Inspection")))
        worker.start()
        worker.join()
        assert i18n.translate("Domain", "Inspection") == "待检测区"
    assert seen == ["Inspection"]


# ------------------------------------------------------------------ the restocking fee, per reason

FEE = "A restocking fee of {pct}% applies."


def _fee(rules: Rules, reason: str) -> bool:
    verdict = evaluate(rules, dt.date(2026, 6, 10), dt.date(2026, 6, 12), reason, "unopened", "refund")
    return any(source == FEE for source, _params in verdict.reasons) and verdict.restocking_fee_pct == 10


def test_the_restocking_fee_is_waived_per_reason_as_the_policy_says(shop):
    every = {reason: ["refund"] for reason in ("quality", "allergy", "changed_mind", "other")}
    rules = Rules(restocking_fee_pct=10, reason_rules=every)
    assert not _fee(rules, "quality") and not _fee(rules, "allergy")  # the default: faults and an allergy
    assert _fee(rules, "changed_mind") and _fee(rules, "other")
    save_policy(None, Rules(restocking_fee_pct=10, reason_rules=every, fee_exempt=("changed_mind",)))
    stored = rules_for(None)
    assert stored.fee_exempt == ("changed_mind",)
    assert _fee(stored, "allergy") and _fee(stored, "quality") and not _fee(stored, "changed_mind")
    assert stored.fee_pct("allergy") == 10 and stored.fee_pct("changed_mind") == 0
    from shop_aftersales.errors import DomainError

    with pytest.raises(DomainError, match="nonsense"):
        save_policy(None, Rules(fee_exempt=("nonsense",)))


def test_a_new_shop_and_an_upgraded_one_waive_the_fee_for_an_allergy(shop):
    assert "allergy" in rules_for(None).fee_exempt and "changed_mind" not in rules_for(None).fee_exempt


def test_the_policy_dialog_edits_the_waiver_per_reason(shop, qtbot):
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.settings_dialogs import PolicyDialog

    context = AppContext(shop)
    try:
        dialog = PolicyDialog(context)
        qtbot.addWidget(dialog)
        assert dialog.fee_boxes["allergy"].isChecked() and not dialog.fee_boxes["changed_mind"].isChecked()
        dialog.fee_boxes["allergy"].setChecked(False)
        dialog.fee_boxes["changed_mind"].setChecked(True)
        dialog.save()
        qtbot.waitUntil(lambda: not context.ops.busy, timeout=10_000)
    finally:
        context.ops.shutdown()
    exempt = rules_for(None).fee_exempt
    assert "allergy" not in exempt and "changed_mind" in exempt and "quality" in exempt


def test_in_document_language_reads_the_setting_each_time_it_is_entered(shop, ui):
    ui("en")

    @i18n.in_document_language()
    def made() -> str:
        return i18n.translate("Domain", "Inspection")

    assert made() == "Inspection"  # not set: the UI's language
    shop_settings.update({shop_settings.DOCUMENT_LANGUAGE: "zh_CN"})
    assert made() == "待检测区" and i18n.translate("Domain", "Inspection") == "Inspection"
