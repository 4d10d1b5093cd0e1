"""Guards against a broken Qt binding: PySide6 6.12.0 dropped a reference to True on every signal delivered
to a Python slot, so a shop's app died after a few thousand clicks ("bool_dealloc: deallocating True")."""

import gc
import sys

from PySide6.QtCore import QObject, Signal, Slot


class _Sender(QObject):
    fired = Signal()
    carried = Signal(object)


class _Receiver(QObject):
    @Slot()
    def on_fired(self) -> None:
        return None

    def on_carried(self, value) -> bool:
        return True


def test_signals_to_python_slots_keep_reference_counts(qapp):
    sender, receiver = _Sender(), _Receiver()
    sender.fired.connect(receiver.on_fired)
    sender.carried.connect(receiver.on_carried)
    gc.collect()
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(500):
        sender.fired.emit()
        sender.carried.emit(None)
    gc.collect()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert [a - b for a, b in zip(after, before)] == [0, 0, 0]
