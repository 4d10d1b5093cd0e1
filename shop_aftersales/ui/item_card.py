"""The item's ID card (售后品档案): everything about one returned unit, its whole history, its stock
moves, what it has cost so far, and the actions its status allows (from the one transition table)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ..models import AftersalesItem, Location
from ..models.aftersales import (CONDITIONS, PAYMENT_METHODS, REASONS, RESOLUTIONS, STATUS_LOCATION, STATUSES,
                                 VERDICTS, allowed_for)
from ..models.repairs import REPAIR_STATES
from ..money import format_yuan
from ..printing.label import labels_pdf, render_labels
from ..printing import refund as slips
from ..services import Changes
from ..services import items as item_steps
from ..services import resolutions, shipping
from ..services.cards import ItemMoves, costs, history, repairs_of
from ..services.resale import outcome as resale_outcome
from ..services.resale import settled
from ..services.returns import add_photo
from . import actions
from .context import AppContext
from .paged_model import PagedTableModel, domain_tr
from .shipping_dialog import DeliveredDialog, ShipDialog, copy_shipped_message
from .print_ui import ITEM_LABEL, SLIP, PrintOutcome, PreviewDialog, preview, print_document, save_pdf
from .widgets import fit_columns, make_table_view


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ItemCard(QDialog):
    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id = item_id
        self.resize(980, 700)
        self.layout_ = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.layout_.addWidget(self.header)
        self.action_bar = QHBoxLayout()
        self.layout_.addLayout(self.action_bar)
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        self.action_buttons: dict[str, QPushButton] = {}
        self.last_dialog: QDialog | None = None
        context.changed.connect(self._on_changed)
        self.reload()

    # ---------------------------------------------------------------- content
    def reload(self) -> None:
        item = AftersalesItem.get_by_id(self.item_id)
        self.item = item
        self.setWindowTitle(self.tr("ID card {code}").format(code=item.code))
        owner = self.tr("customer's own unit, in for repair") if item.customer_owned else ""
        status = domain_tr(STATUSES[item.status])
        zone = domain_tr(Location.get(Location.code == STATUS_LOCATION[item.status]).name)
        self.header.setText(
            f"<span style='font-size:16pt; font-weight:bold'>{item.code}</span>&nbsp;&nbsp;"
            f"<span style='font-size:12pt'>{html.escape(item.product.name)} {html.escape(item.product.model)}</span><br>"
            + self.tr("Status: <b>{status}</b> · Zone: <b>{zone}</b>").format(status=status, zone=zone)
            + (f" · <span style='color:#a15c00'>{owner}</span>" if owner else ""))
        self._build_actions(item)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self._details(item), self.tr("Details"))
        self.tabs.addTab(self._history(item), self.tr("History"))
        self.tabs.addTab(self._moves(item), self.tr("Stock moves"))
        self.tabs.addTab(self._photos(item), self.tr("Photos ({count})").format(count=item.photos.count()))
        self.tabs.setCurrentIndex(max(current, 0))

    def _details(self, item: AftersalesItem) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        left, right = QFormLayout(), QFormLayout()
        order = item.order
        customer = order.customer
        left.addRow(self.tr("Product:"), _selectable(f"{item.product.name}  {item.product.model}  ({item.product.sku})"))
        left.addRow(self.tr("Serial:"), _selectable(item.serial or "—"))
        left.addRow(self.tr("Quantity:"), _selectable(str(item.quantity)))
        left.addRow(self.tr("Customer:"), _selectable(f"{customer.name}  {customer.phone}" if customer else "—"))
        sale = order.sale
        left.addRow(self.tr("Bought:"), _selectable(
            (f"{sale.receipt_no}  {item.purchased_at:%Y-%m-%d}" if sale else
             (f"{item.purchased_at:%Y-%m-%d}" if item.purchased_at else self.tr("no receipt")))
            + "  ·  " + self.tr("{price} per unit").format(price=format_yuan(item.unit_price))))
        left.addRow(self.tr("Return order:"), _selectable(f"{order.number}  {order.created_at:%Y-%m-%d %H:%M}"))
        repairs = repairs_of(item.id)
        if repairs:  # its repair orders (维修单), each a link that opens the repair
            self.repairs_link = QLabel(" · ".join(self.tr("{repair} ({state})").format(
                repair=f"<a href='{r.id}'>{html.escape(r.number)}</a>",
                state=html.escape(domain_tr(REPAIR_STATES.get(r.state, r.state)))) for r in repairs))
            self.repairs_link.setTextFormat(Qt.TextFormat.RichText)
            self.repairs_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self.repairs_link.setToolTip(self.tr("Open the repair order"))
            self.repairs_link.linkActivated.connect(lambda href: self.open_repair(int(href)))
            left.addRow(self.tr("Repair order:"), self.repairs_link)
        left.addRow(self.tr("Reason:"), _selectable(domain_tr(REASONS.get(item.reason, item.reason))
                                                    + (f" — {item.reason_text}" if item.reason_text else "")))
        left.addRow(self.tr("Fault:"), _selectable(item.fault or "—"))
        right.addRow(self.tr("Condition:"), _selectable(domain_tr(CONDITIONS.get(item.condition, item.condition))))
        right.addRow(self.tr("Accessories:"), _selectable(item.accessories or "—"))
        right.addRow(self.tr("Customer asks for:"),
                     _selectable(domain_tr(RESOLUTIONS.get(item.requested_resolution, item.requested_resolution))))
        state = {"pending": self.tr("not settled yet"), "done": self.tr("settled"),
                 "declined": self.tr("settled without refund or exchange")}[item.resolution_state]
        right.addRow(self.tr("With the customer:"), _selectable(state))
        from ..services.policy import verdict_text  # the verdict's words made now, in the UI language

        right.addRow(self.tr("Policy:"), _selectable(self.tr("{verdict}. {why}").format(
            verdict=domain_tr(VERDICTS.get(item.verdict, item.verdict)), why=verdict_text(item)).strip()))
        if item.override_reason:
            right.addRow(self.tr("Exception:"), _selectable(item.override_reason))
        right.addRow(self.tr("Findings:"), _selectable(item.findings or "—"))
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        c = costs(item)
        box = QGroupBox(self.tr("Costs so far"))
        form = QFormLayout(box)
        for label, value in ((self.tr("Refunded:"), c.refunds), (self.tr("Return shipping (share):"), c.shipping_share),
                             (self.tr("Scrap write-off:"), c.write_off),
                             (self.tr("Replacement at cost:"), c.replacement_cost),
                             (self.tr("Repairs (labour, parts, fees):"), c.repairs),
                             (self.tr("Shipping to the customer:"), c.shipping_out),
                             (self.tr("Supplier's credit:"), -c.supplier_credit)):
            form.addRow(label, QLabel(format_yuan(value)))
        total = QLabel(format_yuan(c.total))
        total.setStyleSheet("font-weight: bold")
        form.addRow(self.tr("Total:"), total)
        result = resale_outcome(item)
        if not settled(item) and item.requested_resolution == "refund":
            # the refund is still to pay: a sum without it would read as a surplus the shop never made
            pending = QLabel(self.tr("Refund not yet paid"))
            pending.setStyleSheet("font-weight: bold; color: #b26a00")
            form.addRow(self.tr("Refund:"), pending)
        elif result.resale:
            form.addRow(self.tr("Recovered by resale:"), QLabel(format_yuan(result.resale)))
            net = QLabel(self.tr("{amount} gained").format(amount=format_yuan(result.net)) if result.net >= 0
                         else self.tr("{amount} lost").format(amount=format_yuan(-result.net)))
            net.setStyleSheet("font-weight: bold; color: %s" % ("#1b7f3b" if result.net >= 0 else "#b00020"))
            form.addRow(self.tr("Refund + shipping + repair − resale:"), net)
        grid.addWidget(box, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _history(self, item: AftersalesItem) -> QWidget:
        rows = history(item.id)
        # an item's history is a few dozen events at most: a plain table widget fits
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (when, who, what, note) in enumerate(rows):
            for c, value in enumerate((f"{when:%Y-%m-%d %H:%M}", who, what, note)):
                table.setItem(r, c, QTableWidgetItem(value))
        fit_columns(table, stretch=2, width=940)  # "what" takes the card's width
        self.history_table = table
        return table

    def _moves(self, item: AftersalesItem) -> QWidget:
        view = make_table_view()
        self.moves_model = PagedTableModel(ItemMoves(code=item.code), parent=view)
        view.setModel(self.moves_model)
        fit_columns(view, width=940)
        return view

    def _photos(self, item: AftersalesItem) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        strip = QHBoxLayout()
        for photo in item.photos:
            label = QLabel()
            pixmap = QPixmap(str(self.context.attachments_dir / photo.file_name))
            if pixmap.isNull():
                label.setText(photo.original_name or photo.file_name)
            else:
                label.setPixmap(pixmap.scaled(220, 220, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            label.setToolTip(photo.original_name)
            strip.addWidget(label)
        strip.addStretch(1)
        scroll = QScrollArea()
        holder = QWidget()
        holder.setLayout(strip)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        add = QPushButton(self.tr("Add photo…"))
        add.clicked.connect(self._add_photo)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # ---------------------------------------------------------------- actions
    def _build_actions(self, item: AftersalesItem) -> None:
        while self.action_bar.count():
            widget = self.action_bar.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.action_buttons.clear()

        def add(key: str, text: str, slot) -> None:
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.action_bar.addWidget(button)
            self.action_buttons[key] = button

        if item.status == "received":
            add("inspect", self.tr("Inspect…"), lambda: self.open_step(None))
        for step in allowed_for(item):
            if item.status == "received" and step.target not in ("scrapped", "returned_to_customer"):
                continue  # chosen inside the inspection dialog
            if step.via_repair or step.via_qc or step.via_count:
                continue  # done on the repair order (Repairs tab) or in the quality check (Resale tab)
            add(step.target, domain_tr(step.action) + "…", lambda _=False, s=step: self.open_step(s))
        if item.resolution_state == "pending" and not item.customer_owned:
            add("refund", self.tr("Refund…"), self.open_refund)
            add("exchange", self.tr("Exchange…"), self.open_exchange)
            add("decline", self.tr("Settle without refund…"), lambda: self._open(actions.NoteStepDialog(
                self.context, self.tr("Settle {code} without refund or exchange").format(code=self.item.code),
                self.tr("Why nothing is refunded or exchanged"),
                lambda note, staff: resolutions.decline(self.item.id, note, staff), self, required=True)))
        standing = resolutions.standing_refund(item.id)
        if standing is not None and item.resolution_state == "done":  # a refund given by mistake: the owner's
            add("reverse_refund", self.tr("Reverse the refund…"),
                lambda: self._open(actions.ReverseRefundDialog(self.context, standing, self)))
        if shipping.why_not(item.id) is None:  # ready for pickup, or an exchange's replacement not yet shipped
            add("ship", self.tr("Ship to the customer…"),
                lambda: self._open(ShipDialog(self.context, self.item_id, self)))
        if shipping.why_not_delivered(item.id) is None:  # shipped, delivery not yet confirmed
            add("delivered", self.tr("Delivered…"), lambda: self._open(DeliveredDialog(self.context, self.item_id, self)))
            add("shipped_message", self.tr("Copy the “on its way” message"),
                lambda: copy_shipped_message(self.context, self.item_id, self))
        self.action_bar.addStretch(1)
        add("note", self.tr("Add note…"), lambda: self._open(actions.NoteStepDialog(
            self.context, self.tr("Note on {code}").format(code=self.item.code), self.tr("Anything worth knowing"),
            lambda note, staff: item_steps.add_note(self.item.id, note, staff), self, required=True)))
        add("label", self.tr("Print label"), self.print_label)
        add("label_preview", self.tr("Preview label…"), self.preview_label)
        if slips.refund_of(item.id) is not None:
            add("refund_slip", self.tr("Print refund slip"), self.print_settlement)
            add("refund_slip_preview", self.tr("Preview refund slip…"), self.preview_settlement)
        elif slips.exchange_of(item.id) is not None:
            add("exchange_slip", self.tr("Print exchange slip"), self.print_settlement)
            add("exchange_slip_preview", self.tr("Preview exchange slip…"), self.preview_settlement)

    def open_repair(self, repair_id: int | None = None) -> QDialog | None:
        """The repair dialog of one of its repair orders (the latest when none is named)."""
        from .repair_dialogs import RepairDialog

        repairs = repairs_of(self.item_id)
        if repair_id is None and repairs:
            repair_id = repairs[-1].id
        if repair_id is None:
            return None
        return self._open(RepairDialog(self.context, repair_id, self))

    def open_step(self, step) -> QDialog:
        if step is None:
            dialog = actions.InspectDialog(self.context, self.item, self)
        else:
            dialog = actions.dialog_for(self.context, self.item, step, self)
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_refund(self) -> QDialog:
        dialog = self._open(actions.RefundDialog(self.context, self.item, self))
        dialog.accepted.connect(self._settled)
        return dialog

    def open_exchange(self) -> QDialog:
        dialog = self._open(actions.ExchangeDialog(self.context, self.item, self))
        dialog.accepted.connect(self._settled)
        return dialog

    def _label(self):
        item_id = self.item_id
        return lambda device: render_labels([item_id], device), self.tr("Label {code}").format(code=self.item.code)

    def print_label(self) -> PrintOutcome:
        render, title = self._label()
        return print_document(self, ITEM_LABEL, render, title, title)

    def preview_label(self) -> PreviewDialog:
        render, title = self._label()
        return preview(self, render, title, ITEM_LABEL, file_name=title)

    # ------------------------------------------------------ the refund or exchange slip, for the customer to sign
    def settlement_slip(self):
        """The refund slip (退款单) or the exchange slip (换货单) of this unit: (renderer, title, file), or None."""
        refund = slips.refund_of(self.item_id)
        if refund is not None:
            refund_id = refund.id
            return (lambda device: slips.render_refund_slip(refund_id, device), slips.refund_slip_title(refund_id),
                    refund.number)
        exchange = slips.exchange_of(self.item_id)
        if exchange is not None:
            exchange_id = exchange.id
            return (lambda device: slips.render_exchange_slip(exchange_id, device),
                    slips.exchange_slip_title(exchange_id), slips.exchange_slip_title(exchange_id))
        return None

    def print_settlement(self) -> PrintOutcome | None:
        slip = self.settlement_slip()
        return print_document(self, SLIP, *slip) if slip else None

    def preview_settlement(self) -> PreviewDialog | None:
        slip = self.settlement_slip()
        return preview(self, slip[0], slip[1], SLIP, file_name=slip[2]) if slip else None

    def archive_settlement(self) -> Path | None:
        """Keep the slip as a PDF in the data folder's documents/ (as every return slip is); None if it fails."""
        refund, exchange = slips.refund_of(self.item_id), slips.exchange_of(self.item_id)
        try:
            if refund is not None:
                folder = self.context.documents_dir / "refund-slips"
                folder.mkdir(parents=True, exist_ok=True)
                return slips.refund_slip_pdf(refund.id, folder / f"{refund.number}.pdf")
            if exchange is not None:
                folder = self.context.documents_dir / "exchange-slips"
                folder.mkdir(parents=True, exist_ok=True)
                return slips.exchange_slip_pdf(exchange.id, folder / f"{exchange.item.code}.pdf")
        except OSError:
            return None
        return None

    def _settled(self) -> QMessageBox | None:
        """After a refund or an exchange: the slip is kept, and printing it for the customer's signature is the
        message's default button (the message does not block: the card stays usable behind it)."""
        refund = slips.refund_of(self.item_id)
        exchange = None if refund is not None else slips.exchange_of(self.item_id)
        if refund is None and exchange is None:
            return None
        kept = self.archive_settlement()
        if refund is not None:
            text = self.tr("Refund {number} recorded: {amount} paid back by {method}.").format(
                number=refund.number, amount=format_yuan(refund.amount),
                method=domain_tr(PAYMENT_METHODS.get(refund.method, refund.method)))
            print_text = self.tr("Print refund slip")
        else:
            text = self.tr("Exchange recorded: {product} handed out for {code}.").format(
                product=f"{exchange.product.name} {exchange.product.model}".strip()
                + (f" ({exchange.serial})" if exchange.serial else ""), code=self.item.code)
            print_text = self.tr("Print exchange slip")
        text += "\n\n" + self.tr("Print the slip for the customer to sign?")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Settled with the customer"), text,
                          QMessageBox.StandardButton.NoButton, self)
        if kept is not None:
            box.setInformativeText(self.tr("A copy is kept at {path}.").format(path=kept))
        box.print_button = box.addButton(print_text, QMessageBox.ButtonRole.AcceptRole)
        box.preview_button = box.addButton(self.tr("Preview…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.print_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._settled_answer(box, button))
        self.settled_message = box
        box.open()
        return box

    def _settled_answer(self, box: QMessageBox, button) -> None:
        if button is box.print_button:
            self.print_settlement()
        elif button is box.preview_button:
            self.preview_settlement()

    def save_label_pdf(self) -> Path | None:
        return save_pdf(self, lambda path: labels_pdf([self.item_id], path), Path.home() / f"{self.item.code}.pdf")

    def _add_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a photo"), str(Path.home()),
                                              self.tr("Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"))
        if path:
            self.context.ops.run(add_photo, self.item_id, Path(path), self.context.attachments_dir, self.context.staff)

    def _on_changed(self, changes: Changes) -> None:
        if changes.items or changes.stock:
            self.reload()
