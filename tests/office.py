"""LibreOffice headless as the independent reader of our workbooks: it recalculates every formula (what the
accountant sees when the file opens) and prints the workbook as it would go to paper."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("lo_uno.py")


def available() -> bool:
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


# On CI (which installs it) a missing LibreOffice is a failure, never a quiet skip.
needs_libreoffice = pytest.mark.skipif(not available() and not os.environ.get("CI"), reason="LibreOffice (libreoffice-calc, python3-uno) is not "
                                                             "installed; .ci/run installs it")


@dataclass
class Recalculated:
    sheets: dict[str, list[list[object]]]  # LibreOffice's values, row by row (numbers as float)
    formulas: dict[str, list[tuple[int, int, str]]]  # (row, column, formula), 0-based
    errors: dict[str, list[tuple[int, int, str, int]]]
    pdf: Path | None

    def rows(self, sheet: str) -> list[list[object]]:
        return self.sheets[sheet]

    def labelled(self, sheet: str, column: int = 1) -> dict[str, object]:
        """{text in column A: value in *column*} for a label / value sheet such as the summary."""
        return {row[0]: row[column] for row in self.sheets[sheet] if row and isinstance(row[0], str) and row[0]}

    def column(self, sheet: str, header: str) -> list[object]:
        rows = self.sheets[sheet]
        index = rows[0].index(header)
        return [row[index] for row in rows[1:]]


def recalculate(path: Path, pdf: Path | None = None, xlsx: Path | None = None) -> Recalculated:
    """Open *path* in LibreOffice, recalculate everything, and return what it computed (and the PDF it prints)."""
    args = [SYSTEM_PYTHON, str(SCRIPT), str(path)]
    if pdf is not None:
        args += ["--pdf", str(pdf)]
    if xlsx is not None:
        args += ["--xlsx", str(xlsx)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"LibreOffice failed on {path}: {done.stderr[-2000:]}"
    data = json.loads(done.stdout)
    return Recalculated(data["sheets"], data["formulas"], data["errors"], pdf)
