import datetime as dt
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.money import format_yuan, from_fen, to_decimal, to_fen


def test_money_round_trips_through_fen_without_float_error():
    assert to_fen(to_decimal("0.1") + to_decimal("0.2")) == 30
    assert from_fen(to_fen(Decimal("1234.565"))) == Decimal("1234.57")  # half up, like a till
    assert to_decimal("¥1,299.00") == Decimal("1299.00")
    assert to_decimal(19.9) == Decimal("19.90")


def test_money_rejects_text_that_is_not_a_number():
    for bad in ("abc", "", "NaN", "Infinity"):
        with pytest.raises(ValueError):
            to_decimal(bad)


def test_format_yuan():
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"
    assert format_yuan(-150, fen=True) == "-¥1.50"
    assert format_yuan(None) == ""


def test_clock_can_be_frozen():
    moment = dt.datetime(2026, 3, 18, 9, 30)
    with clock.frozen(moment):
        assert clock.now() == moment
        assert clock.today() == moment.date()
    assert clock.now() != moment
