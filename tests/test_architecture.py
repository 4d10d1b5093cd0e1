"""The layers stay true: the import-linter contracts in pyproject.toml pass, and no module grows into a hub."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is part of the [test] extra"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_module_is_a_hub():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "shop_aftersales").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert long == {}


WIDGET_MODULES = {"PySide6.QtWidgets", "PySide6.QtPrintSupport"}


def test_only_ui_has_widgets():
    """Below ui/ nothing may use widgets (printing renders with QtGui only)."""
    import ast

    offenders = []
    for path in (ROOT / "shop_aftersales").rglob("*.py"):
        rel = path.relative_to(ROOT / "shop_aftersales")
        if rel.parts[0] == "ui" or rel.name == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n in WIDGET_MODULES for n in names):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def test_only_the_app_clock_reads_the_date():
    """Every business date comes from shop_aftersales.clock, so a frozen clock rules the whole app: nothing else
    asks Python or Qt for the current date or time (durations measured with perf_counter are fine)."""
    import ast

    wall_clock = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
                  ("QDate", "currentDate"), ("QDateTime", "currentDateTime"), ("QTime", "currentTime"),
                  ("time", "time"), ("time", "localtime"), ("time", "strftime")}
    offenders = []
    for path in (ROOT / "shop_aftersales").rglob("*.py"):
        rel = path.relative_to(ROOT / "shop_aftersales")
        if str(rel) == "clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
                owner = node.value.id if isinstance(node.value, ast.Name) else node.value.attr
                if (owner, node.attr) in wall_clock:
                    offenders.append(f"{rel}:{node.lineno} {owner}.{node.attr}")
    assert offenders == []
