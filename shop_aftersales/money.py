"""Money: integer fen (分) in the database, Decimal yuan in Python, one formatter for ¥."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")


def to_decimal(value: object) -> Decimal:
    """Parse a yuan amount (str, int, Decimal; floats go through str) into a Decimal of fen precision.

    Raises ValueError for text that is not a number.
    """
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, bool):
        raise ValueError(value)
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value))
    else:
        text = str(value).strip().replace(",", "").replace("¥", "").replace("￥", "")
        try:
            d = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(value) from exc
    if not d.is_finite():
        raise ValueError(value)
    return d.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    return int((amount.quantize(FEN, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def from_fen(fen: int) -> Decimal:
    return (Decimal(int(fen)) / 100).quantize(FEN)


def format_yuan(amount: Decimal | int | None, *, fen: bool = False) -> str:
    """'¥1,234.50'; pass fen=True when *amount* is an integer of fen."""
    if amount is None:
        return ""
    d = from_fen(amount) if fen else Decimal(amount)
    sign = "-" if d < 0 else ""
    return f"{sign}¥{abs(d):,.2f}"
