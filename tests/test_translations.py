"""The zh_CN translation is complete, current and loads."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "shop_aftersales_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return [str(p) for p in sorted((ROOT / "shop_aftersales").rglob("*.py")) if "migrations" not in p.parts]


def messages(path: Path):
    for context in ET.parse(path).getroot():
        name = context.find("name").text
        for message in context.findall("message"):
            yield name, message.find("source").text, message.find("translation")


def test_every_entry_is_translated():
    unfinished = [(c, s) for c, s, t in messages(TS) if t.get("type") in ("unfinished", "obsolete", "vanished")
                  or not (t.text or "").strip()]
    assert unfinished == []


def test_every_string_in_the_code_is_in_the_translation(tmp_path):
    """Re-extract the strings from the code: nothing new may be left untranslated."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    untranslated = [(c, s) for c, s, t in messages(fresh) if t.get("type") == "unfinished"]
    assert untranslated == [], "run pyside6-lupdate and translate these (see README, Translations)"
    assert len(list(messages(fresh))) == len(list(messages(TS))), "the .ts has strings the code no longer uses"


def test_placeholders_survive_translation():
    for context, source, translation in messages(TS):
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation.text or "")), source


def test_the_compiled_catalogue_is_current(tmp_path):
    out = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see README, Translations)"


def test_the_app_speaks_chinese(qapp):
    from PySide6.QtCore import QCoreApplication

    from shop_aftersales import translations
    from shop_aftersales.errors import DomainError
    from shop_aftersales.i18n import QT_TRANSLATE_NOOP

    try:
        assert translations.install("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Stock") == "库存分区"
        assert QCoreApplication.translate("Domain", "Inspection") == "待检测区"
        error = DomainError(QT_TRANSLATE_NOOP("Domain", "Only {available} of {product} in '{source}'; cannot move {qty}."),
                            available=2, product="餐椅", source="x", qty=3)
        assert str(error).startswith("“x”中 餐椅 只有 2 件")
        # Qt's own strings for standard dialogs
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        translations.install("en")
    assert QCoreApplication.translate("MainWindow", "Stock") == "Stock"
