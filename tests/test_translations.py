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
        assert QCoreApplication.translate("QPrintPreviewDialog", "Page Setup") == "页面设置"  # the print preview
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    finally:
        translations.uninstall()
    assert QCoreApplication.translate("MainWindow", "Stock") == "Stock"


# ------------------------------------------------------------------ reads as Chinese

HAN = re.compile(r"[\u4e00-\u9fff]")


def _half_width_beside_chinese(text: str) -> list[str]:
    """The half-width , : ; ( ) ? ! (and a full stop after a Chinese character) of a Chinese sentence (those a Chinese reader sees as foreign punctuation).

    Allowed: a time or a number (10:30, 1,000), a drive (E:\\), an address to type (postgresql://shop@host:5432/shop),
    a file filter "(*.xlsx)" (Qt parses it) and a menu accelerator "(&F)" (the Windows convention for Chinese menus)."""
    if not HAN.search(text) and re.search(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", "", text)):
        return []  # not Chinese (placeholders alone, "{role}（{count}）", sit beside Chinese: checked)
    stripped = re.sub(r"\(\*\.[^)]*\)|\(&\w\)|\d[:,]\d|[A-Za-z]:\\|[a-z]+://[^\s，。；）]*", "", text)
    found = re.finditer(r".?[,:;()?!].?|[\u4e00-\u9fff]\.(?![.\d])", stripped)
    return sorted((m.group() for m in found), key=stripped.find)


def test_chinese_punctuation_is_full_width():
    wrong = [(context, translation.text, found) for context, source, translation in messages(TS)
             if (found := _half_width_beside_chinese(translation.text or ""))]
    assert wrong == [], f"{len(wrong)} translations use half-width punctuation: use ，：；（）？！"


def test_the_punctuation_check_sees_what_a_reader_sees():
    assert _half_width_beside_chinese("批准人(店长):") == ["人(店", "长):"]
    assert _half_width_beside_chinese("允许. 购买已 4 天,在") == ["许.", "天,在"]
    assert _half_width_beside_chinese("批准人（店长）：") == []
    assert _half_width_beside_chinese("Excel 工作簿 (*.xlsx)") == []
    assert _half_width_beside_chinese("文件(&F)") == []
    assert _half_width_beside_chinese("开始于 10:30，共 1,000 件") == []
    assert _half_width_beside_chinese("Total: 3") == []   # not Chinese
    assert _half_width_beside_chinese("例如 postgresql://shop@192.168.1.10:5432/shop。") == []
    assert _half_width_beside_chinese("{role}({count})") == ["}({", "})"]


# The shop's own words: an English term in the source and the one Chinese term for it (and what it must never be).
GLOSSARY = {
    r"\brepair costs?\b": ("维修成本", "维修排程"),
    r"\bowner\b": ("店长", "老板"),
    r"\bitem labels?\b": ("售后标签", None),
    r"\bshelf labels?\b": ("价签", None),
    r"\bID card\b": ("售后档案", None),
    r"\breturn slip\b": ("退货单", None),
    r"\brestocking fee\b": ("折旧", None),
    r"\bscrap(ped|ping)?\b": ("报废", None),
    r"\bwrite-offs?\b": ("核销", None),
    r"\bstock count\b": ("盘点", None),
}
# The same English word where it means something else, with the Chinese it takes there.
GLOSSARY_EXCEPTIONS = {
    ("MainWindow", "Repairs"): "维修排程",   # the tab with the repair schedule board
}


def test_the_glossary_holds():
    wrong = []
    for context, source, translation in messages(TS):
        text = translation.text or ""
        for pattern, (wanted, never) in GLOSSARY.items():
            if re.search(pattern, source, re.IGNORECASE) and (wanted not in text or (never and never in text)):
                wrong.append((context, source, text, wanted))
    assert wrong == []


def test_a_cost_line_called_repairs_is_the_repair_cost():
    """"Repairs" as a line of the cost report or a sheet of the workbook is 维修成本, never the schedule board."""
    for context, source, translation in messages(TS):
        if source == "Repairs":
            expected = GLOSSARY_EXCEPTIONS.get((context, source), "维修成本")
            assert translation.text == expected, (context, translation.text)


def test_every_string_is_found_as_written(tmp_path):
    """A translate call through an alias (`tr = QCoreApplication.translate; tr("Ctx", "text")`) is read by lupdate
    as tr(source, comment): the context's name becomes the text and the text is lost for the translators."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    contexts = {name for name, _s, _t in messages(fresh)}
    wrong = [(name, source) for name, source, _t in messages(fresh) if not name or source in contexts]
    assert wrong == [], "call QCoreApplication.translate / self.tr / QT_TRANSLATE_NOOP with literals, no aliases"
