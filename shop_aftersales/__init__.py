"""Shop Aftersales: after-sales goods (售后品) for one shop.

This package's top level holds only small, Qt-free helpers (money, time, errors,
translation markers) that every layer may use. See README.md and DESIGN.md for the layers.
"""

__version__ = "0.1.0"
APP_NAME = "Shop Aftersales"
ORG_NAME = "ShopAftersales"
