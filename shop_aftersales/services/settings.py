"""Shop settings that belong to the shop's data (and so travel with its backups)."""

from __future__ import annotations

from ..models import Setting
from .base import Changes, business_step

SHOP_NAME = "shop.name"
SHOP_ADDRESS = "shop.address"
SHOP_PHONE = "shop.phone"


def get(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


@business_step
def update(values: dict[str, str]) -> Changes:
    for key, value in values.items():
        Setting.insert(key=key, value=value.strip()).on_conflict_replace().execute()
    return Changes(settings=True)
