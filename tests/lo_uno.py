"""Run by the system's python3 (which has LibreOffice's uno), never imported by the suite: opens a document in
LibreOffice headless, recalculates every formula, and prints what LibreOffice computed as JSON — each sheet's
values, the cells that hold a formula, the cells whose formula is an error — and optionally exports the
document as PDF the way LibreOffice prints it.

    /usr/bin/python3 tests/lo_uno.py FILE.xlsx [--pdf OUT.pdf] [--xlsx OUT.xlsx]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # noqa: E402  (LibreOffice's bridge, from python3-uno)
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(argv):
    source = os.path.abspath(argv[1])
    pdf = argv[argv.index("--pdf") + 1] if "--pdf" in argv else None
    xlsx = argv[argv.index("--xlsx") + 1] if "--xlsx" in argv else None
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"lo{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise SystemExit("LibreOffice did not start")
                time.sleep(0.3)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit(f"LibreOffice could not open {source}")
        doc.calculateAll()
        out = {"sheets": {}, "formulas": {}, "errors": {}}
        for sheet in doc.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            rng = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
            out["sheets"][sheet.Name] = [list(row) for row in rng.getDataArray()]
            formulas, errors = [], []
            cells = sheet.queryContentCells(FORMULA).Cells.createEnumeration()
            while cells.hasMoreElements():
                cell = cells.nextElement()
                addr = cell.CellAddress
                formulas.append([addr.Row, addr.Column, cell.Formula])
                if cell.getError():
                    errors.append([addr.Row, addr.Column, cell.Formula, cell.getError()])
            out["formulas"][sheet.Name] = formulas
            out["errors"][sheet.Name] = errors
        if pdf:
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)), (prop("FilterName", "calc_pdf_Export"),))
        if xlsx:
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(xlsx)),
                           (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as the office quits
            pass
        json.dump(out, sys.stdout, ensure_ascii=False)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv)
